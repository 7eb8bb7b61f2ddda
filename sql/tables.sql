-- Generated from datapackage.json by `python -m scripts generate`; do not edit.
-- Run at the repository root: relative paths point at data/.
CREATE OR REPLACE TABLE sources (
  "id" VARCHAR NOT NULL,
  "title" VARCHAR NOT NULL,
  "title_en" VARCHAR NOT NULL,
  "issuer" VARCHAR NOT NULL,
  "issuer_en" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "report_year" BIGINT NOT NULL,
  "published" DATE,
  "document_number" VARCHAR,
  "index_number" VARCHAR,
  "kind" VARCHAR NOT NULL,
  "path" VARCHAR NOT NULL,
  "sha256" VARCHAR NOT NULL,
  "quality_note" VARCHAR NOT NULL,
  "encoding" VARCHAR NOT NULL,
  "delivery_year" BIGINT,
  "delivered" DATE,
  "review_first_year" BIGINT,
  "origin_url" VARCHAR,
  "origin_repository" VARCHAR,
  "origin_commit" VARCHAR,
  "origin_path" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO sources SELECT * FROM read_csv('data/sources.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'title': 'VARCHAR', 'title_en': 'VARCHAR', 'issuer': 'VARCHAR', 'issuer_en': 'VARCHAR', 'region_code': 'VARCHAR', 'report_year': 'BIGINT', 'published': 'DATE', 'document_number': 'VARCHAR', 'index_number': 'VARCHAR', 'kind': 'VARCHAR', 'path': 'VARCHAR', 'sha256': 'VARCHAR', 'quality_note': 'VARCHAR', 'encoding': 'VARCHAR', 'delivery_year': 'BIGINT', 'delivered': 'DATE', 'review_first_year': 'BIGINT', 'origin_url': 'VARCHAR', 'origin_repository': 'VARCHAR', 'origin_commit': 'VARCHAR', 'origin_path': 'VARCHAR'});
COMMENT ON TABLE sources IS 'Archived source documents / 存档来源文件: One row per archived document under sources/; the archived file is never edited and its sha256 is checked. 每份存档文件一行；存档文件不得修改，并校验其sha256。';
COMMENT ON COLUMN sources."id" IS 'Source id / 来源编号: Short stable id: place and year, e.g. shangrao2020; for a government work report the year is the delivery year (zhumadian2020 is the report delivered in 2020, reviewing 2019). 简短稳定编号，如shangrao2020；政府工作报告以作报告的年份命名（zhumadian2020为2020年所作、回顾2019年的报告）。';
COMMENT ON COLUMN sources."title" IS 'Title (Chinese) / 标题: Title as printed. 原文标题。';
COMMENT ON COLUMN sources."title_en" IS 'Title (English) / 英文标题: English translation of the title. 标题英译。';
COMMENT ON COLUMN sources."issuer" IS 'Issuing body / 发布单位: Issuing body as printed. 原文发布单位。';
COMMENT ON COLUMN sources."issuer_en" IS 'Issuing body (English) / 发布单位英文: English name of the issuing body. 发布单位英译。';
COMMENT ON COLUMN sources."region_code" IS 'Region / 地区: Region the document reports on. 文件所涉地区。';
COMMENT ON COLUMN sources."report_year" IS 'Year reported on / 报告年份: Main year the document reports on, whose outcomes it gives as actuals; a plan''s first year. For a government work report: the year it reviews, i.e. delivery_year - 1 (its tasks are for delivery_year). 文件主要报告的年份（其实际数所属年份）；规划为起始年份。政府工作报告为所回顾的年份，即作报告年份减一（其任务属作报告年份）。';
COMMENT ON COLUMN sources."published" IS 'Publication date / 发布日期: Date printed on or published with the document; empty if the document gives none. 文件所载或发布日期；无则为空。';
COMMENT ON COLUMN sources."document_number" IS 'Document number / 文号: Document number (文号) where printed. 原文所载文号。';
COMMENT ON COLUMN sources."index_number" IS 'Index number / 索引号: Government information disclosure index number (索引号) where printed. 政府信息公开索引号。';
COMMENT ON COLUMN sources."kind" IS 'Document kind / 文件类型: What kind of document it is. 文件类型。';
COMMENT ON COLUMN sources."path" IS 'Archived file / 存档文件: Path of the archived text, relative to the package root. 存档文本相对路径。';
COMMENT ON COLUMN sources."sha256" IS 'SHA-256 / SHA-256校验值: SHA-256 of the archived file''s bytes. 存档文件字节的SHA-256。';
COMMENT ON COLUMN sources."quality_note" IS 'Quality note / 质量说明: Known damage or caveats of the text. 文本已知损坏或注意事项。';
COMMENT ON COLUMN sources."encoding" IS 'Text encoding / 文本编码: Character encoding of the archived file''s bytes, declared so the file is archived exactly as received; quotes, offsets and coverage refer to the text decoded with it. sha256 is over the bytes. 存档文件字节的字符编码；引文、偏移量与覆盖核对均针对按此编码解码后的文本。sha256按原始字节计算。';
COMMENT ON COLUMN sources."delivery_year" IS 'Year delivered / 作报告年份: Year a speech such as a government work report was delivered (the year whose tasks it sets); empty for other documents. 政府工作报告等讲话的作报告年份（即其所定任务的年份）；其他文件为空。';
COMMENT ON COLUMN sources."delivered" IS 'Date delivered / 作报告日期: Date the speech was delivered, as printed in its heading (2016年2月25日在……会议上); empty if not printed. 原文标注的作报告日期；未载则为空。';
COMMENT ON COLUMN sources."review_first_year" IS 'First year of a multi-year review / 多年回顾起始年份: First year of the multi-year period the document also reviews (过去五年, 十二五时期); empty when it reviews report_year only. Rows describing the whole period are period multi_year with this first_year. 文件另行回顾的多年时期（过去五年、十二五时期）的起始年份；仅回顾报告年份时为空。';
COMMENT ON COLUMN sources."origin_url" IS 'Origin URL / 来源网址: Where the archived bytes were obtained: the web page, or the file at a fixed commit of a public repository. 存档字节的获取地址：网页，或公共代码库某一提交中的文件。';
COMMENT ON COLUMN sources."origin_repository" IS 'Origin repository / 来源代码库: Public repository (owner/name on GitHub) the file was taken from, if any. 文件所出自的公共代码库（GitHub owner/name）。';
COMMENT ON COLUMN sources."origin_commit" IS 'Origin commit / 来源提交: Commit of origin_repository the file was taken from. 来源代码库的提交编号。';
COMMENT ON COLUMN sources."origin_path" IS 'Origin path / 来源路径: Path of the file inside origin_repository at origin_commit. 文件在来源代码库中的路径。';

CREATE OR REPLACE TABLE regions (
  "code" VARCHAR NOT NULL,
  "name_zh" VARCHAR NOT NULL,
  "name_en" VARCHAR NOT NULL,
  "level" VARCHAR NOT NULL,
  "parent_code" VARCHAR,
  "valid_from" BIGINT,
  "valid_to" BIGINT,
  "successor_code" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("code")
);
INSERT INTO regions SELECT * FROM read_csv('data/regions.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'code': 'VARCHAR', 'name_zh': 'VARCHAR', 'name_en': 'VARCHAR', 'level': 'VARCHAR', 'parent_code': 'VARCHAR', 'valid_from': 'BIGINT', 'valid_to': 'BIGINT', 'successor_code': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE regions IS 'Administrative regions / 行政区划: Regions referred to by any row, with GB/T 2260 codes and validity years for divisions that were renamed or re-coded. 数据所涉行政区划，含GB/T 2260代码及更名/改码区划的有效年份。';
COMMENT ON COLUMN regions."code" IS 'Code / 代码: GB/T 2260 six-digit code. GB/T 2260六位代码。';
COMMENT ON COLUMN regions."name_zh" IS 'Name (Chinese) / 名称: Official Chinese name. 中文名称。';
COMMENT ON COLUMN regions."name_en" IS 'Name (pinyin) / 拼音名称: Pinyin name with level word, e.g. Shangrao City. 拼音名称。';
COMMENT ON COLUMN regions."level" IS 'Level / 层级: Administrative level. 行政层级。';
COMMENT ON COLUMN regions."parent_code" IS 'Parent / 上级代码: Code of the enclosing division; empty for provinces. 上级区划代码；省级为空。';
COMMENT ON COLUMN regions."valid_from" IS 'Valid from / 起始年份: First year the code was in use, where it was created within the package''s range; empty if earlier. 代码启用年份；早于数据范围时为空。';
COMMENT ON COLUMN regions."valid_to" IS 'Valid to / 终止年份: Last year the code was in use; empty if still current. 代码最后使用年份；现行为空。';
COMMENT ON COLUMN regions."successor_code" IS 'Successor / 继承代码: Code that replaced this one (e.g. a county that became a district). 替代本代码的新代码（如撤县设区）。';
COMMENT ON COLUMN regions."note" IS 'Note / 备注: Source of the change, e.g. the State Council approval. 变更依据等。';

CREATE OR REPLACE TABLE enrollment (
  "id" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "year" BIGINT NOT NULL,
  "first_year" BIGINT,
  "period" VARCHAR NOT NULL,
  "as_of" DATE,
  "kind" VARCHAR NOT NULL,
  "indicator" VARCHAR NOT NULL,
  "school_level" VARCHAR NOT NULL,
  "population" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "unit" VARCHAR,
  "qualifier" VARCHAR NOT NULL,
  "printed" VARCHAR,
  "source_id" VARCHAR NOT NULL,
  "quote" VARCHAR NOT NULL,
  "parent_id" VARCHAR,
  "base_id" VARCHAR,
  "plan_id" VARCHAR,
  "breakdown_complete" BOOLEAN,
  "repair_rule" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO enrollment SELECT * FROM read_csv('data/enrollment.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'BIGINT', 'first_year': 'BIGINT', 'period': 'VARCHAR', 'as_of': 'DATE', 'kind': 'VARCHAR', 'indicator': 'VARCHAR', 'school_level': 'VARCHAR', 'population': 'VARCHAR', 'value': 'DOUBLE', 'value_max': 'DOUBLE', 'unit': 'VARCHAR', 'qualifier': 'VARCHAR', 'printed': 'VARCHAR', 'source_id': 'VARCHAR', 'quote': 'VARCHAR', 'parent_id': 'VARCHAR', 'base_id': 'VARCHAR', 'plan_id': 'VARCHAR', 'breakdown_complete': 'BOOLEAN', 'repair_rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE enrollment IS 'Students, schools and enrolment / 学生、学校与入学: Counts of students and schools, enrolment, retention and progression rates, class sizes, graduates and dropouts. 学生与学校数、入学率、巩固率、升学率、班额、毕业生与辍学。';
COMMENT ON COLUMN enrollment."id" IS 'Row id / 行编号: Stable identifier: <source_id>-<table code>-<three digits>; never reused. 稳定编号：<来源编号>-<表代码>-<三位序号>，不得复用。';
COMMENT ON COLUMN enrollment."region_code" IS 'Region code / 行政区划代码: GB/T 2260 six-digit code of the region the figure describes (see regions). 数据所描述地区的GB/T 2260六位代码（见regions表）。';
COMMENT ON COLUMN enrollment."year" IS 'Year / 年份: Year the figure describes; for a multi-year figure the last year of the span. 数据所属年份；多年合计数据为区间末年。';
COMMENT ON COLUMN enrollment."first_year" IS 'First year of span / 起始年份: First year when the figure covers several years (period = multi_year); empty otherwise. 多年合计数据的起始年份；其他情况为空。';
COMMENT ON COLUMN enrollment."period" IS 'Period / 时期: Part of the year or span the figure covers. 数据覆盖的时期。';
COMMENT ON COLUMN enrollment."as_of" IS 'As of / 截至日期: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note). 文中给出的截至日期；仅有月份时日取01并在备注说明。';
COMMENT ON COLUMN enrollment."kind" IS 'Kind / 性质: Whether the figure is an actual outcome, a target/plan, or a standard/norm. 实际数、目标/计划数或标准/定额。';
COMMENT ON COLUMN enrollment."indicator" IS 'Indicator / 指标: What is measured. 所计量的指标。';
COMMENT ON COLUMN enrollment."school_level" IS 'School level / 学段: Level of education the figure refers to. 数据所指学段。';
COMMENT ON COLUMN enrollment."population" IS 'Population group / 对象群体: Group of students or teachers the figure is restricted to; ''all'' when unrestricted. 数据所限定的学生或教师群体；不限定时为all。';
COMMENT ON COLUMN enrollment."value" IS 'Value / 数值: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure. 按标准单位换算后的数值（元而非万元；百分比按原文）。仅无数字的具名项目行可为空。';
COMMENT ON COLUMN enrollment."value_max" IS 'Upper value / 上限值: Upper end when the text gives a range (qualifier = range). 原文为区间时的上限（qualifier为range）。';
COMMENT ON COLUMN enrollment."unit" IS 'Unit / 单位: Canonical unit of value; persons and person-times are distinct units. 数值的标准单位；人与人次严格区分。';
COMMENT ON COLUMN enrollment."qualifier" IS 'Qualifier / 限定: How exact the printed figure is. 原文数字的确切程度。';
COMMENT ON COLUMN enrollment."printed" IS 'Printed figure / 原文数字: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元. 原文中的数字写法（去除空白），如12751.098万元。';
COMMENT ON COLUMN enrollment."source_id" IS 'Source / 来源: Archived source document (see sources). 所依据的存档文件（见sources表）。';
COMMENT ON COLUMN enrollment."quote" IS 'Quote / 原文引文: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once. 包含该数字的存档原文片段；匹配时忽略空白，且须在原文中唯一出现。';
COMMENT ON COLUMN enrollment."parent_id" IS 'Part of / 所属总数: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total. 本行为其组成部分的总数行编号（如建档立卡受助人数属于全部受助人数）：不要与总数相加。';
COMMENT ON COLUMN enrollment."base_id" IS 'Base row / 基数行: For a rate, share or growth figure: id of the row it is relative to, where the package has it. 比率、占比或增速所依据的基数行编号。';
COMMENT ON COLUMN enrollment."plan_id" IS 'Plan row / 对应计划行: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it. 与目标或计划对照的实际数：对应目标行的编号（地区、年份、单位及项目或渠道须一致）。';
COMMENT ON COLUMN enrollment."breakdown_complete" IS 'Breakdown complete / 分项是否完整: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note). 指向本行的分项行是否构成完整分解：为true时校验各分项之和在原文数字的舍入范围内等于本行。分项仅为举例或原文本身不相加时为空（见备注）。';
COMMENT ON COLUMN enrollment."repair_rule" IS 'Repair rule / 修复规则: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed. 解析受损原文数字时所用的已记录修复规则；原文可直接解析时为空。';
COMMENT ON COLUMN enrollment."note" IS 'Note / 备注: Curator''s note: judgement calls, doubts, the repair rule applied. 整理者备注：判断依据、存疑之处、所用修复规则。';

CREATE OR REPLACE TABLE subsidies (
  "id" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "year" BIGINT NOT NULL,
  "first_year" BIGINT,
  "period" VARCHAR NOT NULL,
  "as_of" DATE,
  "kind" VARCHAR NOT NULL,
  "indicator" VARCHAR NOT NULL,
  "programme" VARCHAR NOT NULL,
  "school_level" VARCHAR NOT NULL,
  "population" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "unit" VARCHAR,
  "qualifier" VARCHAR NOT NULL,
  "printed" VARCHAR,
  "source_id" VARCHAR NOT NULL,
  "quote" VARCHAR NOT NULL,
  "parent_id" VARCHAR,
  "base_id" VARCHAR,
  "plan_id" VARCHAR,
  "breakdown_complete" BOOLEAN,
  "repair_rule" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO subsidies SELECT * FROM read_csv('data/subsidies.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'BIGINT', 'first_year': 'BIGINT', 'period': 'VARCHAR', 'as_of': 'DATE', 'kind': 'VARCHAR', 'indicator': 'VARCHAR', 'programme': 'VARCHAR', 'school_level': 'VARCHAR', 'population': 'VARCHAR', 'value': 'DOUBLE', 'value_max': 'DOUBLE', 'unit': 'VARCHAR', 'qualifier': 'VARCHAR', 'printed': 'VARCHAR', 'source_id': 'VARCHAR', 'quote': 'VARCHAR', 'parent_id': 'VARCHAR', 'base_id': 'VARCHAR', 'plan_id': 'VARCHAR', 'breakdown_complete': 'BOOLEAN', 'repair_rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE subsidies IS 'Student aid / 学生资助: Student-aid recipients and money by programme; recipients may be persons or person-times (see unit). 按项目的学生资助人数与金额；人数可能为人或人次（见unit）。';
COMMENT ON COLUMN subsidies."id" IS 'Row id / 行编号: Stable identifier: <source_id>-<table code>-<three digits>; never reused. 稳定编号：<来源编号>-<表代码>-<三位序号>，不得复用。';
COMMENT ON COLUMN subsidies."region_code" IS 'Region code / 行政区划代码: GB/T 2260 six-digit code of the region the figure describes (see regions). 数据所描述地区的GB/T 2260六位代码（见regions表）。';
COMMENT ON COLUMN subsidies."year" IS 'Year / 年份: Year the figure describes; for a multi-year figure the last year of the span. 数据所属年份；多年合计数据为区间末年。';
COMMENT ON COLUMN subsidies."first_year" IS 'First year of span / 起始年份: First year when the figure covers several years (period = multi_year); empty otherwise. 多年合计数据的起始年份；其他情况为空。';
COMMENT ON COLUMN subsidies."period" IS 'Period / 时期: Part of the year or span the figure covers. 数据覆盖的时期。';
COMMENT ON COLUMN subsidies."as_of" IS 'As of / 截至日期: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note). 文中给出的截至日期；仅有月份时日取01并在备注说明。';
COMMENT ON COLUMN subsidies."kind" IS 'Kind / 性质: Whether the figure is an actual outcome, a target/plan, or a standard/norm. 实际数、目标/计划数或标准/定额。';
COMMENT ON COLUMN subsidies."indicator" IS 'Indicator / 指标: What is measured. 所计量的指标。';
COMMENT ON COLUMN subsidies."programme" IS 'Programme / 资助项目: Student-aid programme. 资助项目。';
COMMENT ON COLUMN subsidies."school_level" IS 'School level / 学段: Level of education the figure refers to. 数据所指学段。';
COMMENT ON COLUMN subsidies."population" IS 'Population group / 对象群体: Group of students or teachers the figure is restricted to; ''all'' when unrestricted. 数据所限定的学生或教师群体；不限定时为all。';
COMMENT ON COLUMN subsidies."value" IS 'Value / 数值: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure. 按标准单位换算后的数值（元而非万元；百分比按原文）。仅无数字的具名项目行可为空。';
COMMENT ON COLUMN subsidies."value_max" IS 'Upper value / 上限值: Upper end when the text gives a range (qualifier = range). 原文为区间时的上限（qualifier为range）。';
COMMENT ON COLUMN subsidies."unit" IS 'Unit / 单位: Canonical unit of value; persons and person-times are distinct units. 数值的标准单位；人与人次严格区分。';
COMMENT ON COLUMN subsidies."qualifier" IS 'Qualifier / 限定: How exact the printed figure is. 原文数字的确切程度。';
COMMENT ON COLUMN subsidies."printed" IS 'Printed figure / 原文数字: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元. 原文中的数字写法（去除空白），如12751.098万元。';
COMMENT ON COLUMN subsidies."source_id" IS 'Source / 来源: Archived source document (see sources). 所依据的存档文件（见sources表）。';
COMMENT ON COLUMN subsidies."quote" IS 'Quote / 原文引文: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once. 包含该数字的存档原文片段；匹配时忽略空白，且须在原文中唯一出现。';
COMMENT ON COLUMN subsidies."parent_id" IS 'Part of / 所属总数: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total. 本行为其组成部分的总数行编号（如建档立卡受助人数属于全部受助人数）：不要与总数相加。';
COMMENT ON COLUMN subsidies."base_id" IS 'Base row / 基数行: For a rate, share or growth figure: id of the row it is relative to, where the package has it. 比率、占比或增速所依据的基数行编号。';
COMMENT ON COLUMN subsidies."plan_id" IS 'Plan row / 对应计划行: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it. 与目标或计划对照的实际数：对应目标行的编号（地区、年份、单位及项目或渠道须一致）。';
COMMENT ON COLUMN subsidies."breakdown_complete" IS 'Breakdown complete / 分项是否完整: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note). 指向本行的分项行是否构成完整分解：为true时校验各分项之和在原文数字的舍入范围内等于本行。分项仅为举例或原文本身不相加时为空（见备注）。';
COMMENT ON COLUMN subsidies."repair_rule" IS 'Repair rule / 修复规则: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed. 解析受损原文数字时所用的已记录修复规则；原文可直接解析时为空。';
COMMENT ON COLUMN subsidies."note" IS 'Note / 备注: Curator''s note: judgement calls, doubts, the repair rule applied. 整理者备注：判断依据、存疑之处、所用修复规则。';

CREATE OR REPLACE TABLE teacher_hiring (
  "id" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "year" BIGINT NOT NULL,
  "first_year" BIGINT,
  "period" VARCHAR NOT NULL,
  "as_of" DATE,
  "kind" VARCHAR NOT NULL,
  "indicator" VARCHAR NOT NULL,
  "channel" VARCHAR NOT NULL,
  "school_level" VARCHAR NOT NULL,
  "population" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "unit" VARCHAR,
  "qualifier" VARCHAR NOT NULL,
  "printed" VARCHAR,
  "source_id" VARCHAR NOT NULL,
  "quote" VARCHAR NOT NULL,
  "parent_id" VARCHAR,
  "base_id" VARCHAR,
  "plan_id" VARCHAR,
  "breakdown_complete" BOOLEAN,
  "repair_rule" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO teacher_hiring SELECT * FROM read_csv('data/teacher_hiring.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'BIGINT', 'first_year': 'BIGINT', 'period': 'VARCHAR', 'as_of': 'DATE', 'kind': 'VARCHAR', 'indicator': 'VARCHAR', 'channel': 'VARCHAR', 'school_level': 'VARCHAR', 'population': 'VARCHAR', 'value': 'DOUBLE', 'value_max': 'DOUBLE', 'unit': 'VARCHAR', 'qualifier': 'VARCHAR', 'printed': 'VARCHAR', 'source_id': 'VARCHAR', 'quote': 'VARCHAR', 'parent_id': 'VARCHAR', 'base_id': 'VARCHAR', 'plan_id': 'VARCHAR', 'breakdown_complete': 'BOOLEAN', 'repair_rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE teacher_hiring IS 'Teacher hiring and supply / 教师招聘与补充: Planned and actual teacher hiring by channel, placements, rotation and training figures. 按渠道的教师计划与实际招聘、安置、交流与培训。';
COMMENT ON COLUMN teacher_hiring."id" IS 'Row id / 行编号: Stable identifier: <source_id>-<table code>-<three digits>; never reused. 稳定编号：<来源编号>-<表代码>-<三位序号>，不得复用。';
COMMENT ON COLUMN teacher_hiring."region_code" IS 'Region code / 行政区划代码: GB/T 2260 six-digit code of the region the figure describes (see regions). 数据所描述地区的GB/T 2260六位代码（见regions表）。';
COMMENT ON COLUMN teacher_hiring."year" IS 'Year / 年份: Year the figure describes; for a multi-year figure the last year of the span. 数据所属年份；多年合计数据为区间末年。';
COMMENT ON COLUMN teacher_hiring."first_year" IS 'First year of span / 起始年份: First year when the figure covers several years (period = multi_year); empty otherwise. 多年合计数据的起始年份；其他情况为空。';
COMMENT ON COLUMN teacher_hiring."period" IS 'Period / 时期: Part of the year or span the figure covers. 数据覆盖的时期。';
COMMENT ON COLUMN teacher_hiring."as_of" IS 'As of / 截至日期: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note). 文中给出的截至日期；仅有月份时日取01并在备注说明。';
COMMENT ON COLUMN teacher_hiring."kind" IS 'Kind / 性质: Whether the figure is an actual outcome, a target/plan, or a standard/norm. 实际数、目标/计划数或标准/定额。';
COMMENT ON COLUMN teacher_hiring."indicator" IS 'Indicator / 指标: What is measured. 所计量的指标。';
COMMENT ON COLUMN teacher_hiring."channel" IS 'Hiring channel / 招聘渠道: Channel through which teachers are hired. 招聘渠道。';
COMMENT ON COLUMN teacher_hiring."school_level" IS 'School level / 学段: Level of education the figure refers to. 数据所指学段。';
COMMENT ON COLUMN teacher_hiring."population" IS 'Population group / 对象群体: Group of students or teachers the figure is restricted to; ''all'' when unrestricted. 数据所限定的学生或教师群体；不限定时为all。';
COMMENT ON COLUMN teacher_hiring."value" IS 'Value / 数值: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure. 按标准单位换算后的数值（元而非万元；百分比按原文）。仅无数字的具名项目行可为空。';
COMMENT ON COLUMN teacher_hiring."value_max" IS 'Upper value / 上限值: Upper end when the text gives a range (qualifier = range). 原文为区间时的上限（qualifier为range）。';
COMMENT ON COLUMN teacher_hiring."unit" IS 'Unit / 单位: Canonical unit of value; persons and person-times are distinct units. 数值的标准单位；人与人次严格区分。';
COMMENT ON COLUMN teacher_hiring."qualifier" IS 'Qualifier / 限定: How exact the printed figure is. 原文数字的确切程度。';
COMMENT ON COLUMN teacher_hiring."printed" IS 'Printed figure / 原文数字: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元. 原文中的数字写法（去除空白），如12751.098万元。';
COMMENT ON COLUMN teacher_hiring."source_id" IS 'Source / 来源: Archived source document (see sources). 所依据的存档文件（见sources表）。';
COMMENT ON COLUMN teacher_hiring."quote" IS 'Quote / 原文引文: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once. 包含该数字的存档原文片段；匹配时忽略空白，且须在原文中唯一出现。';
COMMENT ON COLUMN teacher_hiring."parent_id" IS 'Part of / 所属总数: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total. 本行为其组成部分的总数行编号（如建档立卡受助人数属于全部受助人数）：不要与总数相加。';
COMMENT ON COLUMN teacher_hiring."base_id" IS 'Base row / 基数行: For a rate, share or growth figure: id of the row it is relative to, where the package has it. 比率、占比或增速所依据的基数行编号。';
COMMENT ON COLUMN teacher_hiring."plan_id" IS 'Plan row / 对应计划行: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it. 与目标或计划对照的实际数：对应目标行的编号（地区、年份、单位及项目或渠道须一致）。';
COMMENT ON COLUMN teacher_hiring."breakdown_complete" IS 'Breakdown complete / 分项是否完整: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note). 指向本行的分项行是否构成完整分解：为true时校验各分项之和在原文数字的舍入范围内等于本行。分项仅为举例或原文本身不相加时为空（见备注）。';
COMMENT ON COLUMN teacher_hiring."repair_rule" IS 'Repair rule / 修复规则: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed. 解析受损原文数字时所用的已记录修复规则；原文可直接解析时为空。';
COMMENT ON COLUMN teacher_hiring."note" IS 'Note / 备注: Curator''s note: judgement calls, doubts, the repair rule applied. 整理者备注：判断依据、存疑之处、所用修复规则。';

CREATE OR REPLACE TABLE construction_projects (
  "id" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "year" BIGINT NOT NULL,
  "first_year" BIGINT,
  "period" VARCHAR NOT NULL,
  "as_of" DATE,
  "kind" VARCHAR NOT NULL,
  "indicator" VARCHAR NOT NULL,
  "project_name" VARCHAR,
  "project_kind" VARCHAR NOT NULL,
  "status" VARCHAR NOT NULL,
  "school_level" VARCHAR NOT NULL,
  "population" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "unit" VARCHAR,
  "qualifier" VARCHAR NOT NULL,
  "printed" VARCHAR,
  "source_id" VARCHAR NOT NULL,
  "quote" VARCHAR NOT NULL,
  "parent_id" VARCHAR,
  "base_id" VARCHAR,
  "plan_id" VARCHAR,
  "breakdown_complete" BOOLEAN,
  "repair_rule" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO construction_projects SELECT * FROM read_csv('data/construction_projects.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'BIGINT', 'first_year': 'BIGINT', 'period': 'VARCHAR', 'as_of': 'DATE', 'kind': 'VARCHAR', 'indicator': 'VARCHAR', 'project_name': 'VARCHAR', 'project_kind': 'VARCHAR', 'status': 'VARCHAR', 'school_level': 'VARCHAR', 'population': 'VARCHAR', 'value': 'DOUBLE', 'value_max': 'DOUBLE', 'unit': 'VARCHAR', 'qualifier': 'VARCHAR', 'printed': 'VARCHAR', 'source_id': 'VARCHAR', 'quote': 'VARCHAR', 'parent_id': 'VARCHAR', 'base_id': 'VARCHAR', 'plan_id': 'VARCHAR', 'breakdown_complete': 'BOOLEAN', 'repair_rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE construction_projects IS 'Construction and school places / 校舍建设与学位: Named school construction projects with their status at the report date, and programme totals (projects, places, floor area, money). 具名学校建设项目及其报告时状态，及建设总量（项目、学位、面积、资金）。';
COMMENT ON COLUMN construction_projects."id" IS 'Row id / 行编号: Stable identifier: <source_id>-<table code>-<three digits>; never reused. 稳定编号：<来源编号>-<表代码>-<三位序号>，不得复用。';
COMMENT ON COLUMN construction_projects."region_code" IS 'Region code / 行政区划代码: GB/T 2260 six-digit code of the region the figure describes (see regions). 数据所描述地区的GB/T 2260六位代码（见regions表）。';
COMMENT ON COLUMN construction_projects."year" IS 'Year / 年份: Year the figure describes; for a multi-year figure the last year of the span. 数据所属年份；多年合计数据为区间末年。';
COMMENT ON COLUMN construction_projects."first_year" IS 'First year of span / 起始年份: First year when the figure covers several years (period = multi_year); empty otherwise. 多年合计数据的起始年份；其他情况为空。';
COMMENT ON COLUMN construction_projects."period" IS 'Period / 时期: Part of the year or span the figure covers. 数据覆盖的时期。';
COMMENT ON COLUMN construction_projects."as_of" IS 'As of / 截至日期: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note). 文中给出的截至日期；仅有月份时日取01并在备注说明。';
COMMENT ON COLUMN construction_projects."kind" IS 'Kind / 性质: Whether the figure is an actual outcome, a target/plan, or a standard/norm. 实际数、目标/计划数或标准/定额。';
COMMENT ON COLUMN construction_projects."indicator" IS 'Indicator / 指标: What is measured. 所计量的指标。';
COMMENT ON COLUMN construction_projects."project_name" IS 'Project name / 项目名称: Name of the school or project as printed, for named-project rows. 具名项目行的学校或项目名称（按原文）。';
COMMENT ON COLUMN construction_projects."project_kind" IS 'Kind of work / 工程类型: Kind of construction work. 工程类型。';
COMMENT ON COLUMN construction_projects."status" IS 'Status at report date / 报告时状态: Status of the project(s) at the report date. 报告时项目状态。';
COMMENT ON COLUMN construction_projects."school_level" IS 'School level / 学段: Level of education the figure refers to. 数据所指学段。';
COMMENT ON COLUMN construction_projects."population" IS 'Population group / 对象群体: Group of students or teachers the figure is restricted to; ''all'' when unrestricted. 数据所限定的学生或教师群体；不限定时为all。';
COMMENT ON COLUMN construction_projects."value" IS 'Value / 数值: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure. 按标准单位换算后的数值（元而非万元；百分比按原文）。仅无数字的具名项目行可为空。';
COMMENT ON COLUMN construction_projects."value_max" IS 'Upper value / 上限值: Upper end when the text gives a range (qualifier = range). 原文为区间时的上限（qualifier为range）。';
COMMENT ON COLUMN construction_projects."unit" IS 'Unit / 单位: Canonical unit of value; persons and person-times are distinct units. 数值的标准单位；人与人次严格区分。';
COMMENT ON COLUMN construction_projects."qualifier" IS 'Qualifier / 限定: How exact the printed figure is. 原文数字的确切程度。';
COMMENT ON COLUMN construction_projects."printed" IS 'Printed figure / 原文数字: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元. 原文中的数字写法（去除空白），如12751.098万元。';
COMMENT ON COLUMN construction_projects."source_id" IS 'Source / 来源: Archived source document (see sources). 所依据的存档文件（见sources表）。';
COMMENT ON COLUMN construction_projects."quote" IS 'Quote / 原文引文: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once. 包含该数字的存档原文片段；匹配时忽略空白，且须在原文中唯一出现。';
COMMENT ON COLUMN construction_projects."parent_id" IS 'Part of / 所属总数: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total. 本行为其组成部分的总数行编号（如建档立卡受助人数属于全部受助人数）：不要与总数相加。';
COMMENT ON COLUMN construction_projects."base_id" IS 'Base row / 基数行: For a rate, share or growth figure: id of the row it is relative to, where the package has it. 比率、占比或增速所依据的基数行编号。';
COMMENT ON COLUMN construction_projects."plan_id" IS 'Plan row / 对应计划行: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it. 与目标或计划对照的实际数：对应目标行的编号（地区、年份、单位及项目或渠道须一致）。';
COMMENT ON COLUMN construction_projects."breakdown_complete" IS 'Breakdown complete / 分项是否完整: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note). 指向本行的分项行是否构成完整分解：为true时校验各分项之和在原文数字的舍入范围内等于本行。分项仅为举例或原文本身不相加时为空（见备注）。';
COMMENT ON COLUMN construction_projects."repair_rule" IS 'Repair rule / 修复规则: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed. 解析受损原文数字时所用的已记录修复规则；原文可直接解析时为空。';
COMMENT ON COLUMN construction_projects."note" IS 'Note / 备注: Curator''s note: judgement calls, doubts, the repair rule applied. 整理者备注：判断依据、存疑之处、所用修复规则。';

CREATE OR REPLACE TABLE finance (
  "id" VARCHAR NOT NULL,
  "region_code" VARCHAR NOT NULL,
  "year" BIGINT NOT NULL,
  "first_year" BIGINT,
  "period" VARCHAR NOT NULL,
  "as_of" DATE,
  "kind" VARCHAR NOT NULL,
  "indicator" VARCHAR NOT NULL,
  "school_level" VARCHAR NOT NULL,
  "population" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "unit" VARCHAR,
  "qualifier" VARCHAR NOT NULL,
  "printed" VARCHAR,
  "source_id" VARCHAR NOT NULL,
  "quote" VARCHAR NOT NULL,
  "parent_id" VARCHAR,
  "base_id" VARCHAR,
  "plan_id" VARCHAR,
  "breakdown_complete" BOOLEAN,
  "repair_rule" VARCHAR,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO finance SELECT * FROM read_csv('data/finance.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'BIGINT', 'first_year': 'BIGINT', 'period': 'VARCHAR', 'as_of': 'DATE', 'kind': 'VARCHAR', 'indicator': 'VARCHAR', 'school_level': 'VARCHAR', 'population': 'VARCHAR', 'value': 'DOUBLE', 'value_max': 'DOUBLE', 'unit': 'VARCHAR', 'qualifier': 'VARCHAR', 'printed': 'VARCHAR', 'source_id': 'VARCHAR', 'quote': 'VARCHAR', 'parent_id': 'VARCHAR', 'base_id': 'VARCHAR', 'plan_id': 'VARCHAR', 'breakdown_complete': 'BOOLEAN', 'repair_rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE finance IS 'Education finance / 教育经费: Education expenditure, per-student funding and funding standards, earmarked funds and growth rates. 教育支出、生均经费及标准、专项资金与增长率。';
COMMENT ON COLUMN finance."id" IS 'Row id / 行编号: Stable identifier: <source_id>-<table code>-<three digits>; never reused. 稳定编号：<来源编号>-<表代码>-<三位序号>，不得复用。';
COMMENT ON COLUMN finance."region_code" IS 'Region code / 行政区划代码: GB/T 2260 six-digit code of the region the figure describes (see regions). 数据所描述地区的GB/T 2260六位代码（见regions表）。';
COMMENT ON COLUMN finance."year" IS 'Year / 年份: Year the figure describes; for a multi-year figure the last year of the span. 数据所属年份；多年合计数据为区间末年。';
COMMENT ON COLUMN finance."first_year" IS 'First year of span / 起始年份: First year when the figure covers several years (period = multi_year); empty otherwise. 多年合计数据的起始年份；其他情况为空。';
COMMENT ON COLUMN finance."period" IS 'Period / 时期: Part of the year or span the figure covers. 数据覆盖的时期。';
COMMENT ON COLUMN finance."as_of" IS 'As of / 截至日期: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note). 文中给出的截至日期；仅有月份时日取01并在备注说明。';
COMMENT ON COLUMN finance."kind" IS 'Kind / 性质: Whether the figure is an actual outcome, a target/plan, or a standard/norm. 实际数、目标/计划数或标准/定额。';
COMMENT ON COLUMN finance."indicator" IS 'Indicator / 指标: What is measured. 所计量的指标。';
COMMENT ON COLUMN finance."school_level" IS 'School level / 学段: Level of education the figure refers to. 数据所指学段。';
COMMENT ON COLUMN finance."population" IS 'Population group / 对象群体: Group of students or teachers the figure is restricted to; ''all'' when unrestricted. 数据所限定的学生或教师群体；不限定时为all。';
COMMENT ON COLUMN finance."value" IS 'Value / 数值: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure. 按标准单位换算后的数值（元而非万元；百分比按原文）。仅无数字的具名项目行可为空。';
COMMENT ON COLUMN finance."value_max" IS 'Upper value / 上限值: Upper end when the text gives a range (qualifier = range). 原文为区间时的上限（qualifier为range）。';
COMMENT ON COLUMN finance."unit" IS 'Unit / 单位: Canonical unit of value; persons and person-times are distinct units. 数值的标准单位；人与人次严格区分。';
COMMENT ON COLUMN finance."qualifier" IS 'Qualifier / 限定: How exact the printed figure is. 原文数字的确切程度。';
COMMENT ON COLUMN finance."printed" IS 'Printed figure / 原文数字: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元. 原文中的数字写法（去除空白），如12751.098万元。';
COMMENT ON COLUMN finance."source_id" IS 'Source / 来源: Archived source document (see sources). 所依据的存档文件（见sources表）。';
COMMENT ON COLUMN finance."quote" IS 'Quote / 原文引文: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once. 包含该数字的存档原文片段；匹配时忽略空白，且须在原文中唯一出现。';
COMMENT ON COLUMN finance."parent_id" IS 'Part of / 所属总数: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total. 本行为其组成部分的总数行编号（如建档立卡受助人数属于全部受助人数）：不要与总数相加。';
COMMENT ON COLUMN finance."base_id" IS 'Base row / 基数行: For a rate, share or growth figure: id of the row it is relative to, where the package has it. 比率、占比或增速所依据的基数行编号。';
COMMENT ON COLUMN finance."plan_id" IS 'Plan row / 对应计划行: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it. 与目标或计划对照的实际数：对应目标行的编号（地区、年份、单位及项目或渠道须一致）。';
COMMENT ON COLUMN finance."breakdown_complete" IS 'Breakdown complete / 分项是否完整: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note). 指向本行的分项行是否构成完整分解：为true时校验各分项之和在原文数字的舍入范围内等于本行。分项仅为举例或原文本身不相加时为空（见备注）。';
COMMENT ON COLUMN finance."repair_rule" IS 'Repair rule / 修复规则: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed. 解析受损原文数字时所用的已记录修复规则；原文可直接解析时为空。';
COMMENT ON COLUMN finance."note" IS 'Note / 备注: Curator''s note: judgement calls, doubts, the repair rule applied. 整理者备注：判断依据、存疑之处、所用修复规则。';

CREATE OR REPLACE TABLE coverage_exclusions (
  "source_id" VARCHAR NOT NULL,
  "char_offset" BIGINT NOT NULL,
  "text" VARCHAR NOT NULL,
  "reason" VARCHAR NOT NULL,
  "note" VARCHAR,
  PRIMARY KEY ("source_id", "char_offset")
);
INSERT INTO coverage_exclusions SELECT * FROM read_csv('data/coverage_exclusions.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'source_id': 'VARCHAR', 'char_offset': 'BIGINT', 'text': 'VARCHAR', 'reason': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE coverage_exclusions IS 'Coverage ledger: numeric expressions deliberately left out / 覆盖台账：有意未收录的数字: Every numeric expression found by `candidates` in an archived source that is not a curated row, with the reason it is left out. 存档来源中由candidates找到但未整理入表的每个数字表达式及其原因。';
COMMENT ON COLUMN coverage_exclusions."source_id" IS 'Source / 来源: Archived source. 存档来源。';
COMMENT ON COLUMN coverage_exclusions."char_offset" IS 'Offset / 字符位置: 0-based character offset of the expression in the archived text. 表达式在存档文本中的字符位置（从0起）。';
COMMENT ON COLUMN coverage_exclusions."text" IS 'Expression / 表达式: The expression exactly as found (line breaks as in the text). 表达式原文。';
COMMENT ON COLUMN coverage_exclusions."reason" IS 'Reason / 原因: Why the expression is not curated. 未收录原因。';
COMMENT ON COLUMN coverage_exclusions."note" IS 'Note / 备注: Which duplicate, or why out of scope. 说明。';

CREATE OR REPLACE TABLE coverage_passages (
  "source_id" VARCHAR NOT NULL,
  "char_start" BIGINT NOT NULL,
  "char_end" BIGINT NOT NULL,
  "start_text" VARCHAR NOT NULL,
  "reason" VARCHAR NOT NULL,
  "note" VARCHAR NOT NULL,
  PRIMARY KEY ("source_id", "char_start")
);
INSERT INTO coverage_passages SELECT * FROM read_csv('data/coverage_passages.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'source_id': 'VARCHAR', 'char_start': 'BIGINT', 'char_end': 'BIGINT', 'start_text': 'VARCHAR', 'reason': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE coverage_passages IS 'Coverage ledger: passages deliberately left out / 覆盖台账：整段未收录的文本: Character ranges of archived sources left out as a whole with one reason (the economy sections of a government work report, a web page''s menus), so the ledger needs no line per figure there. A numeric expression inside a passage that looks like an education figure (an education keyword in its sentence) is still reported until it is curated or excluded on its own. 存档来源中整段不收录的字符范围及原因（如政府工作报告的经济部分、网页菜单）。段内看似教育数字（同句有教育关键词）的表达式仍须逐个整理或排除。';
COMMENT ON COLUMN coverage_passages."source_id" IS 'Source / 来源: Archived source. 存档来源。';
COMMENT ON COLUMN coverage_passages."char_start" IS 'Start / 起始位置: 0-based character offset where the passage starts, in the decoded text of the source. 段落起始字符位置（从0起，按解码后的文本计）。';
COMMENT ON COLUMN coverage_passages."char_end" IS 'End / 结束位置: Offset one past the passage''s last character (exclusive). 段落最后一个字符之后的位置（不含）。';
COMMENT ON COLUMN coverage_passages."start_text" IS 'Start text / 起始文字: The first 12 characters at char_start verbatim (fewer when the passage is shorter or a line break comes first), so a wrong offset is caught. 起始位置处的前12个字符原文（段落较短或遇换行则较少），用于发现错误的位置。';
COMMENT ON COLUMN coverage_passages."reason" IS 'Reason / 原因: Why the passage is left out. 不收录原因。';
COMMENT ON COLUMN coverage_passages."note" IS 'Note / 备注: What the passage is about (e.g. economy: industry and investment). 段落内容说明。';

CREATE OR REPLACE TABLE indicators (
  "id" VARCHAR NOT NULL,
  "name_en" VARCHAR NOT NULL,
  "name_zh" VARCHAR NOT NULL,
  "definition_en" VARCHAR NOT NULL,
  "definition_zh" VARCHAR NOT NULL,
  "unit" VARCHAR NOT NULL,
  "period_basis" VARCHAR NOT NULL,
  "additive" BOOLEAN NOT NULL,
  "includes" VARCHAR NOT NULL,
  "excludes" VARCHAR NOT NULL,
  "note" VARCHAR,
  PRIMARY KEY ("id")
);
INSERT INTO indicators SELECT * FROM read_csv('data/indicators.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'id': 'VARCHAR', 'name_en': 'VARCHAR', 'name_zh': 'VARCHAR', 'definition_en': 'VARCHAR', 'definition_zh': 'VARCHAR', 'unit': 'VARCHAR', 'period_basis': 'VARCHAR', 'additive': 'BOOLEAN', 'includes': 'VARCHAR', 'excludes': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE indicators IS 'Indicator catalogue / 指标目录: Defined measures for comparison across regions and years, like a statistical office''s series definitions: each with a bilingual name and definition, unit, period basis and what it includes and excludes. The rows that count for an indicator are selected by its rules (indicator_rules); the panel (view indicator_panel) shows one value per region, year, school level and indicator with its comparability. 用于跨地区、跨年份比较的指标定义：中英文名称与定义、单位、时期口径、包含与不包含的内容。计入指标的行由indicator_rules中的规则选出；面板视图indicator_panel按地区、年份、学段和指标给出一个数值及其可比性。';
COMMENT ON COLUMN indicators."id" IS 'Indicator / 指标代码: Stable code of the indicator, e.g. aid_grants_yuan. 指标的稳定代码，如aid_grants_yuan。';
COMMENT ON COLUMN indicators."name_en" IS 'Name / 名称（英文）: Short English name. 英文简称。';
COMMENT ON COLUMN indicators."name_zh" IS 'Name (Chinese) / 名称: Short Chinese name. 中文简称。';
COMMENT ON COLUMN indicators."definition_en" IS 'Definition / 定义（英文）: What the indicator measures, in English. 指标含义（英文）。';
COMMENT ON COLUMN indicators."definition_zh" IS 'Definition (Chinese) / 定义: What the indicator measures, in Chinese. 指标含义（中文）。';
COMMENT ON COLUMN indicators."unit" IS 'Unit / 单位: Unit of every value of the indicator: a row in another unit is never counted for it (persons and person-times are distinct). 指标数值的单位；其他单位的行不计入（人与人次严格区分）。';
COMMENT ON COLUMN indicators."period_basis" IS 'Period basis / 时期口径: The `period` a row must have to meet the definition (e.g. year: whole-year figures only; point_in_time: stocks). A first-half, to-date or term figure of a year indicator is shown as not comparable, never added up to a year. 符合定义的行须具有的时期（period）；年度指标中的上半年、截至某日或学期数据标为不可比，不相加为全年。';
COMMENT ON COLUMN indicators."additive" IS 'Additive / 可加: true when figures of one region and year (several rows, or the counties of a prefecture) may be added up; false for rates and per-student amounts, which are never summed: a cell with several figures is then not comparable, and no rollup is made. 同一地区、年份的多个数值（多行，或地级市所辖县区）是否可相加；比率和生均数不可相加。';
COMMENT ON COLUMN indicators."includes" IS 'Includes / 包含: What the indicator counts. 指标包含的内容。';
COMMENT ON COLUMN indicators."excludes" IS 'Excludes / 不包含: What it leaves out, and why (parts, loans versus grants, plans, other periods). 指标不包含的内容及原因。';
COMMENT ON COLUMN indicators."note" IS 'Note / 备注: Comparability caveats. 可比性说明。';

CREATE OR REPLACE TABLE indicator_rules (
  "indicator" VARCHAR NOT NULL,
  "definition" BIGINT NOT NULL,
  "rule" VARCHAR NOT NULL,
  "note" VARCHAR,
  PRIMARY KEY ("indicator", "definition")
);
INSERT INTO indicator_rules SELECT * FROM read_csv('data/indicator_rules.csv', header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%Y-%m-%d',
  columns = {'indicator': 'VARCHAR', 'definition': 'BIGINT', 'rule': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE indicator_rules IS 'Indicator rules / 指标取数规则: The rule that selects the observation rows of an indicator: a SQL condition (the body of a WHERE) over the columns of the observations view, kept here only and generated into sql/indicators.sql by `python -m scripts generate`. An indicator may have several definitions (one per table or wording); validation rejects a rule that matches no row and a row matched by two definitions of one indicator. 选取指标所用观测行的规则：对observations视图各列的SQL条件（WHERE子句），只在此处维护，由`python -m scripts generate`生成sql/indicators.sql。一个指标可有多条定义；校验拒绝不匹配任何行的规则，以及被同一指标两条定义同时匹配的行。';
COMMENT ON COLUMN indicator_rules."indicator" IS 'Indicator / 指标代码: Indicator the rule selects rows for (see indicators). 规则所属指标（见indicators表）。';
COMMENT ON COLUMN indicator_rules."definition" IS 'Definition / 定义序号: Number of the definition within the indicator, from 1. 指标内的定义序号，从1起。';
COMMENT ON COLUMN indicator_rules."rule" IS 'Rule / 规则: SQL condition over the columns of the observations view (table_name, indicator, kind, unit, programme, channel, population, ...), e.g. table_name = ''subsidies'' AND indicator = ''amount''. One expression: no semicolon or comment. 对observations视图各列的SQL条件；单个表达式，不得含分号或注释。';
COMMENT ON COLUMN indicator_rules."note" IS 'Note / 备注: Why the rule is written so. 规则说明。';
