#!/usr/bin/env Rscript
# The dashboard's techniques tables on the bundled demo data, recomputed in base R from the demo's own files.
#
#   Rscript scripts/reproduce/demo.R FOLDER
#
# FOLDER holds results.csv (the figures the dashboard's queries give on the demo data, written by
# scripts/reproduce/run.ts) and reproduce.R (the researcher bundle's script, with the demo's k). This script reads
# data/clients.csv.gz, data/sessions.csv.gz and data/measurements.csv.gz itself, joins them into one row per score,
# and lets reproduce.R recompute and compare every figure: every condition (as recorded, not recoded), every
# outcome, both course ends, all conditions pooled. Exits with status 1 if any figure differs.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript scripts/reproduce/demo.R FOLDER")
folder <- args[1]
data_folder <- if (length(args) >= 2) args[2] else "data"
source(file.path(folder, "reproduce.R"))

read_table <- function(name) {
  utils::read.csv(gzfile(file.path(data_folder, paste0(name, ".csv.gz"))), colClasses = "character", na.strings = "")
}
clients <- read_table("clients")
sessions <- read_table("sessions")
measurements <- read_table("measurements")

scores <- merge(measurements[, c("session_id", "instrument", "timepoint", "value", "rom_movement", "side")],
                sessions[, c("session_id", "client_id", "session_number", "primary_technique")], by = "session_id")
scores <- merge(scores, clients[, c("client_id", "primary_condition")], by = "client_id")
names(scores)[names(scores) == "primary_technique"] <- "technique"
names(scores)[names(scores) == "primary_condition"] <- "condition"
cat(sprintf("Demo data: %d scores, %d sessions, %d clients.\n", nrow(scores), length(unique(scores$session_id)),
            length(unique(scores$client_id))))

comparison <- compare_figures(read_csv_text(file.path(folder, "results.csv")), recompute(scores))
report(comparison, quiet = TRUE, folder = folder)
