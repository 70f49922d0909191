#!/usr/bin/env Rscript
# The dashboard's analysis tables on the bundled demo data, recomputed in base R from the demo's own files.
#
#   Rscript scripts/reproduce/demo.R FOLDER [DATA_FOLDER]
#
# FOLDER holds what scripts/reproduce/run.ts wrote: results.csv (the techniques page's figures, as the dashboard's
# queries give them), pages.csv (the conditions, range-of-motion and therapists pages' figures), reproduce.R (the
# researcher bundle's script, with the demo's k) and pages-constants.R. This script reads clients.csv.gz,
# sessions.csv.gz and measurements.csv.gz from DATA_FOLDER (default: data) itself, joins them, and recomputes every
# figure: every condition as recorded and all together, every outcome, both course ends. Exits with status 1 if
# any figure differs.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript scripts/reproduce/demo.R FOLDER [DATA_FOLDER]")
folder <- args[1]
data_folder <- if (length(args) >= 2) args[2] else "data"
script_folder <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(folder, "reproduce.R"))
source(file.path(folder, "pages-constants.R"), encoding = "UTF-8")
source(file.path(script_folder, "pages.R"))

read_table <- function(name) {
  utils::read.csv(gzfile(file.path(data_folder, paste0(name, ".csv.gz"))), colClasses = "character", na.strings = "")
}
clients <- read_table("clients")
visits <- read_table("sessions")
measurements <- read_table("measurements")

visits$condition <- clients$primary_condition[match(visits$client_id, clients$client_id)]
names(visits)[names(visits) == "primary_technique"] <- "technique"
visits$session_number <- as.integer(visits$session_number)
scores <- merge(measurements, visits[, c("session_id", "client_id", "session_number", "technique", "condition")], by = "session_id")
cat(sprintf("Demo data: %d scores, %d sessions, %d clients.\n", nrow(scores), nrow(visits), nrow(clients)))

sessions <- add_rom_columns(session_table(scores, visits), scores)
techniques <- compare_figures(read_csv_text(file.path(folder, "results.csv")), recompute(scores, visits))
differ <- report(techniques, quiet = TRUE, folder = folder, name = "techniques", exit = FALSE)
dashboard_pages <- read_csv_text(file.path(folder, "pages.csv"))
recomputed_pages <- recompute_pages(scores, sessions)
pages <- compare_figures(dashboard_pages, recomputed_pages, shown_only = TRUE)
cat(sprintf("\nThe conditions, range-of-motion and therapists pages: %d figures computed here, %d of them shown on the dashboard.",
            nrow(recomputed_pages), sum(!is.na(pages$value_r))))
differ <- differ + report(pages, quiet = TRUE, folder = folder, name = "pages", exit = FALSE)
if (differ > 0) quit(status = 1)
