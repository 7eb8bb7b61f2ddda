"""The keyword rules `draft` uses to propose a row for a figure, all in one structure: RULES.

Why one structure: a contributor who sees a figure placed in the wrong table, or a cue missed,
edits one dict (and the test that measures agreement with the curated rows tells whether the
change helped); nothing about keywords lives in scripts/draft.py.

How the rules are read (scripts/draft.py):

- `tables`: table -> keywords. The keyword nearest to the figure in its clause decides the
  table (one before the figure beats one after it at the same distance); a figure with no
  keyword in its sentence is proposed as an `out_of_scope` exclusion.
- `indicators`: table -> [(keywords, units, indicator)], first match wins: a keyword in the
  clause before the figure (or just after it) and the row unit in `units` (empty: any unit).
  `indicator_by_unit` is the fall-back, then 'other'.
- `units_for_item`: a figure counted with 个 (canonical unit item) gets the row unit of the
  first word found just after it (学位 -> place), else of the table's indicator.
- `unit_by_indicator`: the row unit of a figure printed without one (近94万 students).
- `kind`: cue -> kind; cues of later entries override earlier ones only when nearer the figure.
  `actual_cues` (实际, 已完成, 已) win over a plan cue in the same clause.
- `period`: cue -> period, first match in the sentence wins; `multi_year` cues also set
  first_year when they name a span (近三年 = 3 years).
- `levels`, `populations`, `programmes`, `channels`, `project_kinds`, `statuses`: cue -> code,
  the cue nearest before the figure in its sentence wins; defaults in `defaults`.
- `parts`: words that open a list of parts after a total (其中, 包括, 分别为 …) and words that
  close a list with its total (总计, 合计, 共计).
- `exclusions`: reason codes for candidates that are not figures (hints of scripts/candidates).
"""
from __future__ import annotations

RULES: dict = {
    "tables": {
        "subsidies": ["资助", "助学", "补助", "助学贷款", "营养改善", "免学费", "助学金", "奖学金", "雨露计划",
                      "捐资", "惠及", "受助", "核算单位", "生活费", "贷款资金", "入学资助", "资助金", "资助经费",
                      "补助资金", "拨付资金", "两免一补", "受益学生", "免除杂费", "免杂费", "免费教科书"],
        "teacher_hiring": ["招聘", "特岗", "教师", "公费师范", "定向培养", "交流", "轮岗", "骨干", "师范生",
                           "人才", "专任教师", "培训教师", "轮训", "从教", "教师计划", "统招", "师资"],
        "construction_projects": ["新建", "改扩建", "扩建", "改建", "建设", "学位", "校舍", "面积", "平方米",
                                  "开工", "竣工", "项目", "薄弱学校", "援建", "食堂", "围墙", "运动场", "购置",
                                  "图书", "课桌凳", "设备", "完成率", "覆盖率", "合格学校", "合格教学点",
                                  "合格公办幼儿园", "智慧校园", "投入使用", "小区配套", "配套园", "无证园", "公办园",
                                  "中心园", "危房", "护坡", "建成", "建有", "捐建", "网络接入率", "达标率", "新增供给",
                                  "改薄", "达标中职", "办学条件", "改（扩）建", "新、改", "配建", "应配未配", "投资", "维修改造", "标准化学校"],
        "enrollment": ["在校", "在园", "学生", "招生", "入园率", "入学率", "巩固率", "升学率", "毕业生", "就业",
                       "辍学", "劝返", "班额", "班级", "个班", "各级各类学校", "幼儿", "集团", "儿童", "适龄",
                       "高校", "小学生", "初中生", "毛入学率", "档案", "报到", "培训", "学校", "中小学校",
                       "专线", "覆盖", "退役军人", "招生计划", "人力", "家校", "示范性高中", "在校生", "小学", "初中", "质量监测"],
        "finance": ["支出", "经费", "投入", "生均", "公用经费", "预算", "财政", "同比", "扶贫贷款",
                    "补助经费", "定额", "资金"],
    },
    # generic words: they count as this many characters further from the figure than they are
    "weak_keywords": {"学生": 12, "学校": 12, "培训": 8, "覆盖": 8, "幼儿": 12, "项目": 8, "资金": 12,
                      "建设": 8, "教师": 6, "高校": 8, "投入": 4, "就业": 4, "小学": 30, "初中": 30},
    # words before a figure in its clause that make an exactly printed figure a bound
    "qualifier_cues": {"至少": "at_least", "不低于": "at_least", "不少于": "at_least", "突破": "at_least"},
    # row unit of a figure printed without unit, by table, when its indicator does not say
    "unit_by_table": {"enrollment": "person", "teacher_hiring": "person", "subsidies": "person",
                      "finance": "yuan", "construction_projects": "item",
    },
    "indicators": {
        "subsidies": [
            (["标准", "/人", "/生"], ["yuan"], "rate_per_recipient"),
            (["资助金", "资金", "资助经费", "捐资", "补助", "拨付", "贷款", "两免一补"], ["yuan"], "amount"),
            (["核算单位"], [], "units_covered"),
            (["学校", "所"], ["school"], "schools_covered"),
            (["天"], ["day"], "days"),
            ([], ["percent"], "share"),
            ([], ["person", "person_time"], "recipients"),
        ],
        "teacher_hiring": [
            (["计划"], ["person"], "planned"),
            (["定向培养", "培养"], ["person"], "directed_training_intake"),
            (["交流", "轮岗"], [], "exchanged"),
            (["培训", "轮训"], [], "trained"),
            (["每百名学生"], [], "teachers_per_100_students"),
            (["新增"], ["person"], "teachers_added"),
            ([], ["percent"], "share"),
            ([], ["person", "person_time"], "hired"),
        ],
        "construction_projects": [
            (["完成率"], ["percent"], "completion_rate"),
            (["覆盖率", "接入率", "达标率"], ["percent"], "coverage_rate"),
            (["增长"], ["percent"], "growth_rate"),
            ([], ["percent"], "share"),
            (["投资", "投入", "资金"], ["yuan"], "investment"),
            (["学位"], [], "places"),
            (["项目"], ["project", "item"], "projects"),
            (["运动场", "占地"], ["square_metre"], "site_area"),
            ([], ["square_metre"], "floor_area"),
            ([], ["metre"], "length"),
            ([], ["cubic_metre"], "volume"),
            ([], ["set", "volume"], "equipment"),
            (["食堂", "厕所", "宿舍"], [], "facilities"),
            ([], ["class"], "classes"),
            ([], ["school"], "schools"),
        ],
        "enrollment": [
            (["毛入学率"], ["percent"], "gross_enrollment_rate"),
            (["入园率", "入学率"], ["percent"], "enrollment_rate"),
            (["巩固率"], ["percent"], "retention_rate"),
            (["升学率"], ["percent"], "progression_rate"),
            (["就业率"], ["percent"], "employment_rate"),
            (["增长"], ["percent"], "growth_rate"),
            (["占"], ["percent"], "share_of_students"),
            (["就业"], ["person"], "graduates_employed"),
            (["毕业生"], ["person"], "graduates"),
            (["疑似辍学"], [], "suspected_dropouts"),
            (["劝返"], [], "dropouts_returned"),
            (["辍学"], [], "dropouts"),
            (["招生"], ["person"], "entrants"),
            (["培训"], ["person", "person_time"], "trainees"),
            (["服务"], ["person", "person_time"], "students_served"),
            (["班额"], ["person"], "class_size_limit"),
            (["集团"], [], "education_groups"),
            (["超", "大班额"], ["class", "item"], "oversized_classes"),
            ([], ["class"], "classes"),
            (["涵盖", "覆盖"], ["school"], "schools_covered"),
            ([], ["school"], "schools"),
            ([], ["person"], "students"),
        ],
        "finance": [
            (["生均公用经费", "公用经费定额", "公用经费"], ["yuan"], "per_student_public_funds"),
            (["生均"], ["yuan"], "per_student_expenditure"),
            (["同比", "增长", "增加"], ["percent"], "growth_rate"),
            (["标准的"], ["percent"], "ratio_to_standard"),
            ([], ["percent"], "share"),
            (["倍"], ["number"], "multiple_of_reference"),
            (["贷款"], ["yuan"], "loan"),
            (["补助经费", "专项"], ["yuan"], "programme_funds"),
            (["投入", "投资"], ["yuan"], "investment"),
            (["支出"], ["yuan"], "education_expenditure"),
        ],
    },
    "indicator_by_unit": {
        "finance": {"yuan": "other"},   # never claim a yuan figure as education spending without 支出
        "subsidies": {"yuan": "amount"},
    },
    "units_for_item": [("学位", "place"), ("项目", "project"), ("班", "class"), ("学校", "school"),
                       ("幼儿园", "school"), ("中心园", "school"), ("所", "school"), ("工程", "project"),
                       ("网点", "school")],
    # a figure that follows another in a list (甲1200元、乙1400元) takes the table and indicator
    # of the one before when the words between match this and the units agree
    # (a first part in brackets after its total, 198人(初中起点189名, counts as listed too)
    "list_gap": r"^(?:[、，,和及与]|、?[^0-9０-９，,。；;、（）()]{1,6}|[（(][^0-9０-９，,。；;、（）()]{0,8})$",
    "unit_by_indicator": {"students": "person", "recipients": "person", "hired": "person",
                          "investment": "yuan", "amount": "yuan", "education_expenditure": "yuan",
                          "places": "place", "projects": "project", "schools": "school",
                          "teachers_per_100_students": "number"},
    "kind": {
        "target": ["计划", "力争", "确保", "将", "目标", "任务", "要求", "拟", "预计", "到2020年底",
                   "工作要点", "下达任务"],
        "standard": ["标准", "不超过", "每生每年", "定额", "控制在", "/生/年", "元/人", "省颁", "不低于"],
        "actual_cues": ["实际", "已完成", "已有", "已累计", "完成了", "共计", "全年"],
    },
    "period": [
        ("上半年", "first_half"), ("春季学期", "spring_term"), ("秋季学期", "autumn_term"),
        ("十三五期间", "multi_year"), ("十二五期间", "multi_year"), ("五年来", "multi_year"),
        ("近五年", "multi_year"), ("近三年", "multi_year"), ("前3年", "multi_year"), ("三年来", "multi_year"),
        ("累计", "cumulative"), ("截至", "to_date"), ("截止", "to_date"),
    ],
    "multi_year_spans": {"十三五期间": (2016, 2020), "十二五期间": (2011, 2015), "五年来": 5, "近五年": 5,
                         "近三年": 3, "前3年": 3, "三年来": 3},
    "levels": [
        ("学前", "preschool"), ("幼儿园", "preschool"), ("在园幼儿", "preschool"), ("入园", "preschool"),
        ("公办园", "preschool"), ("小学", "primary"), ("初中", "junior_secondary"), ("初级中学", "junior_secondary"),
        ("义务教育", "compulsory"), ("九年一贯制", "compulsory"), ("普通高中", "general_senior_secondary"),
        ("普高", "general_senior_secondary"), ("高中阶段", "senior_secondary"), ("高中", "senior_secondary"), ("中职", "secondary_vocational"),
        ("职业教育", "vocational"), ("职业学校", "vocational"), ("高校", "higher"), ("大学", "higher"),
        ("本科", "undergraduate"), ("专科", "higher_vocational"), ("特殊教育", "special"), ("特校", "special"),
        ("中小学", "primary_secondary"),
    ],
    "populations": [
        ("建档立卡", "registered_poor"), ("家庭经济困难", "financially_disadvantaged"),
        ("家庭困难", "financially_disadvantaged"), ("残疾", "disabled"), ("进城务工", "migrant_children"),
        ("随迁", "migrant_children"), ("农村", "rural"), ("乡村", "rural"), ("留守", "left_behind"),
        ("退役军人", "veterans"), ("非寄宿", "non_boarding"), ("骨干教师", "backbone_teachers"),
        ("专任教师", "full_time_teachers"), ("高校毕业生", "university_graduates"),
    ],
    "programmes": [
        ("入学资助", "freshman_entrance_aid"), ("生活补助", "living_allowance"), ("生活费", "living_allowance"),
        ("营养改善", "nutrition_improvement"), ("学前教育", "preschool_aid"), ("入园补助", "preschool_aid"),
        ("普通高中", "senior_secondary_aid"), ("职业教育", "vocational_aid"), ("助学贷款", "student_loan"),
        ("雨露计划", "rain_dew"), ("捐资", "social_donation"), ("各学段", "all_programmes"),
    ],
    "channels": [
        ("统招", "unified_recruitment"), ("公开招聘", "unified_recruitment"), ("特岗", "special_post"),
        ("公费师范", "free_normal_graduates"), ("定向培养", "directed_rural"), ("自主招聘", "school_autonomous"),
        ("控制数", "contract_quota"), ("高层次人才", "high_level_talent"), ("高学历人才", "high_level_talent"),
        ("顶岗实习", "internship"),
    ],
    "project_kinds": [
        ("新建", "new_build"), ("改扩建", "rebuild_or_expansion"), ("改（扩）建", "rebuild_or_expansion"),
        ("扩建", "rebuild_or_expansion"), ("维修", "renovation"), ("改造", "renovation"), ("购置", "equipment"),
        ("治理", "remediation"), ("新改扩建", "new_or_expansion"),
    ],
    "statuses": [
        ("竣工", "completed"), ("已完成", "completed"), ("建成", "completed"), ("投入使用", "completed"),
        ("完成", "completed"), ("开工", "under_construction"), ("在建", "under_construction"),
        ("计划", "planned"), ("规划", "planned"),
    ],
    "defaults": {"school_level": "all", "population": "all", "programme": "all_programmes",
                 "channel": "all_channels", "project_kind": "not_applicable", "status": "not_applicable",
                 "period": "year", "kind": "actual"},
    "parts": {"open": ["其中", "包括", "含", "分别为", "分别是", "分别达到", "分别达", "（", "("],
              "close": ["总计", "合计", "共计"]},
    "exclusions": {"date": "date", "document_number": "document_number", "list_number": "list_number",
                   "ordinal": "name_or_slogan", "plan_name": "name_or_slogan"},
}
