# Read every resource of the data package into R, typed from datapackage.json.
#
#   Rscript scripts/read_package.R [package_root]   # prints name<TAB>rows<TAB>col:class,...
#   source("scripts/read_package.R"); tables <- read_package(".")
#
# datapackage.json is the single source of truth: no column is named or typed here, so a
# schema change needs no edit to this file. Needs readr and jsonlite (Debian: r-cran-readr
# r-cran-jsonlite). Any value readr cannot parse as its declared type is an error, never NA.

suppressPackageStartupMessages({
  library(readr)
  library(jsonlite)
})

`%||%` <- function(a, b) if (is.null(a)) b else a   # base R has it only from 4.4

# One readr collector for a Frictionless field. A code list (constraints.enum) becomes a factor
# with exactly those levels, so a code outside the list is a parsing problem, not a new level.
field_collector <- function(field) {
  codes <- field$constraints$enum
  if (!is.null(codes)) return(col_factor(levels = unlist(codes)))
  switch(field$type,
    string  = col_character(),
    integer = col_integer(),   # our integers are years and character offsets: 32 bits suffice
    number  = col_double(),
    date    = col_date("%Y-%m-%d"),
    boolean = col_logical(),   # our boolean fields use the literal true/false
    stop(sprintf("field '%s': no R reader for Frictionless type '%s'", field$name, field$type))
  )
}

read_resource <- function(resource, root) {
  fields <- resource$schema$fields
  names(fields) <- vapply(fields, `[[`, "", "name")
  # Frictionless default for missingValues is [""]; only these cells become NA.
  na <- unlist(resource$schema$missingValues %||% list(""))
  path <- file.path(root, resource$path)
  # readr's generic "parsing issues" warning is muffled: the problems are reported below, in full.
  data <- withCallingHandlers(read_csv(
    path,
    col_types = do.call(cols, lapply(fields, field_collector)),
    na = na,
    locale = locale(encoding = resource$encoding %||% "UTF-8"),
    trim_ws = FALSE,   # values (quotes from sources) are kept exactly as curated
    lazy = FALSE,      # read everything now, so problems() below is complete
    progress = FALSE,
    show_col_types = FALSE
  ), warning = function(w) {
    if (grepl("parsing issues", conditionMessage(w))) invokeRestart("muffleWarning")
  })
  # A header that differs from the schema would otherwise let readr guess the extra columns.
  if (!identical(names(data), names(fields))) {
    stop(sprintf("%s: header [%s] differs from the schema's fields [%s]", resource$path,
                 paste(names(data), collapse = ","), paste(names(fields), collapse = ",")),
         call. = FALSE)
  }
  bad <- problems(data)
  if (nrow(bad) > 0) {
    shown <- utils::head(bad, 10)
    stop(sprintf("%s: %d parsing problem(s), refusing to turn them into NA:\n%s", resource$path,
                 nrow(bad),
                 paste(sprintf("  line %d, column %s: expected %s, got '%s'", shown$row,
                               names(data)[shown$col], shown$expected, shown$actual),
                       collapse = "\n")),
         call. = FALSE)
  }
  attr(data, "problems") <- NULL   # checked: drop readr's (empty) problems record
  data
}

# Named list of tibbles, one per resource, in the descriptor's order.
read_package <- function(root = ".") {
  descriptor_path <- file.path(root, "datapackage.json")
  # fromJSON would take a missing file's name for JSON text and give a baffling error
  if (!file.exists(descriptor_path)) stop(descriptor_path, ": no such file", call. = FALSE)
  descriptor <- fromJSON(descriptor_path, simplifyVector = FALSE)
  tables <- lapply(descriptor$resources, read_resource, root = root)
  names(tables) <- vapply(descriptor$resources, `[[`, "", "name")
  tables
}

# Run as a script (not source()d): print one machine-readable line per resource; on any
# problem print the message to stderr and exit 1 so CI and tests see the failure.
if (sys.nframe() == 0L) {
  args <- commandArgs(trailingOnly = TRUE)
  root <- if (length(args) >= 1) args[[1]] else "."
  tables <- tryCatch(read_package(root), error = function(e) {
    message("read_package.R: ", conditionMessage(e))
    quit(status = 1)
  })
  for (name in names(tables)) {
    data <- tables[[name]]
    classes <- vapply(data, function(x) class(x)[[1]], "")
    cat(name, "\t", nrow(data), "\t", paste0(names(classes), ":", classes, collapse = ","), "\n",
        sep = "")
  }
}
