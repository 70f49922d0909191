#!/usr/bin/env Rscript
# Reproduces every figure of results.csv from data.csv with base R alone (no package to install).
#
#   Rscript reproduce.R [data.csv] [results.csv] [--quiet]
#
# Prints each figure as the dashboard computed it (results.csv) beside the same figure recomputed here, writes the
# comparison to reproduce-comparison.csv, and exits with status 1 if any figure differs by more than
# ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * |value|, or is in one list and not the other.
#
# What is recomputed (docs/statistics.md in the dashboard's source says which R call reproduces which statistic):
#   course  across-course change per course technique (the technique of the client's first session), from the score
#           before the first session that has one to the last session's score before it (course_end last_pre) or
#           after it (last_post), signed so that improvement is positive; a course needs its end in a later session.
#           n, mean change and its t-based 95% CI (t.test), Cohen's d_z (mean / SD of the changes) and d_av (mean /
#           average of the baseline and end SDs); responders (MCID in points, among clients whose baseline leaves
#           room for it), % responders (the MCID's % rule) and reliable change, with Wilson 95% intervals
#           (prop.test, correct = FALSE); the baseline-adjusted difference against the reference technique (lm:
#           end ~ technique + condition when pooled + baseline), its 95% CI (confint), p, and Holm-adjusted p
#           (p.adjust).
#   within  within-session change per session technique: each client's mean change over their sessions scored
#           before and after, then n (clients), sessions, mean and 95% CI (t.test), d_z, and d_av (mean / average
#           SD of the clients' mean scores before and after).
# Groups of fewer than K clients are left out, as on the dashboard: a technique with fewer than K courses (or
# within-session clients), and a rate whose counted or not-counted clients are fewer than K. The adjusted model
# holds the techniques shown only; with conditions pooled, a condition treated with one technique only is left out
# of it. The reference is Swedish massage when shown, else the technique with the most clients.

# @CONSTANTS@

read_csv_text <- function(path) {
  utils::read.csv(path, colClasses = "character", na.strings = "", check.names = FALSE, fileEncoding = "UTF-8-BOM")
}

# One row per session with its client, session number, technique and condition, and for each outcome the mean
# score before (<outcome>_pre) and after (<outcome>_post) the session. The sessions are those with a score, or
# `visits` when given (every session, with those columns).
session_table <- function(scores, visits = NULL) {
  scores$value <- as.numeric(scores$value)
  sessions <- if (is.null(visits)) scores[!duplicated(scores$session_id), c("session_id", "client_id", "session_number", "technique", "condition")] else visits
  sessions$session_number <- as.integer(sessions$session_number)
  for (i in seq_len(nrow(OUTCOMES))) {
    for (timepoint in c("pre", "post")) {
      chosen <- scores$instrument == OUTCOMES$instrument[i] & scores$timepoint == timepoint & !is.na(scores$value)
      means <- tapply(scores$value[chosen], scores$session_id[chosen], mean)
      sessions[[paste0(OUTCOMES$outcome[i], "_", timepoint)]] <- unname(as.numeric(means[sessions$session_id]))
    }
  }
  sessions
}

instrument_of <- function(outcome, outcomes = OUTCOMES, instruments = INSTRUMENTS) {
  instruments[instruments$code == outcomes$instrument[outcomes$outcome == outcome], ]
}

# One row per client: course technique and condition, baseline, end score, change (improvement positive) and the
# room the baseline leaves to improve.
course_table <- function(sessions, outcome, course_end, inst = instrument_of(outcome)) {
  sign <- if (inst$better == "lower") -1 else 1
  s <- sessions[order(sessions$client_id, sessions$session_number), ]
  pre <- s[[paste0(outcome, "_pre")]]
  last <- if (course_end == "last_pre") pre else s[[paste0(outcome, "_post")]]
  first <- s[!duplicated(s$client_id), c("client_id", "technique", "condition")]
  with_pre <- s[!is.na(pre), ]
  with_pre$score <- pre[!is.na(pre)]
  with_pre <- with_pre[!duplicated(with_pre$client_id), ]
  with_end <- s[!is.na(last), ]
  with_end$score <- last[!is.na(last)]
  with_end <- with_end[order(with_end$client_id, -with_end$session_number), ]
  with_end <- with_end[!duplicated(with_end$client_id), ]
  courses <- first
  at <- match(courses$client_id, with_pre$client_id)
  courses$baseline <- with_pre$score[at]
  courses$baseline_session <- with_pre$session_number[at]
  at <- match(courses$client_id, with_end$client_id)
  courses$end_score <- with_end$score[at]
  courses$end_session <- with_end$session_number[at]
  has_course <- !is.na(courses$baseline_session) & !is.na(courses$end_session) & courses$end_session > courses$baseline_session
  courses$change <- ifelse(has_course, sign * (courses$end_score - courses$baseline), NA)
  courses$room <- if (inst$better == "lower") courses$baseline - inst$min else inst$max - courses$baseline
  courses$x <- sign * courses$baseline
  courses$y <- ifelse(has_course, sign * courses$end_score, NA)
  courses[!is.na(courses$change), ]
}

# The thresholds of a selection: the published MCID, or half the baseline SD where none is published; reliable
# change from the published MDC95, or Jacobson-Truax from the published ICC and the baseline SD.
course_rules <- function(inst, baseline_sd) {
  usable_sd <- !is.na(baseline_sd) && baseline_sd > 0
  points <- if (!is.na(inst$mcid_points)) inst$mcid_points else if (usable_sd) 0.5 * baseline_sd else NA
  share <- if (!is.na(inst$mcid_percent)) inst$mcid_percent / 100 else NA
  reliable <- if (!is.na(inst$mdc95)) inst$mdc95 else if (!is.na(inst$icc) && usable_sd) {
    stats::qnorm(0.975) * sqrt(2) * baseline_sd * sqrt(1 - inst$icc)
  } else NA
  list(points = points, share = share, reliable = reliable, tolerance = inst$resolution * TOLERANCE_SHARE_OF_RESOLUTION)
}

# A share with its Wilson interval, or nothing when the counted or the not counted are fewer than K.
share_figures <- function(name, successes, n) {
  if (n < K || successes < K || n - successes < K) return(NULL)
  interval <- stats::prop.test(successes, n, correct = FALSE)$conf.int
  stats::setNames(c(successes, n, interval[1], interval[2]), paste0(name, c("", "_of", "_lower", "_upper")))
}

mean_figures <- function(change) {
  n <- length(change)
  m <- mean(change)
  s <- stats::sd(change)
  interval <- if (n >= 2 && s > 0) stats::t.test(change)$conf.int else c(m, m)
  out <- c(mean_change = m)
  if (n >= 2) out <- c(out, ci_lower = interval[1], ci_upper = interval[2])
  if (n >= 2 && s > 0) out <- c(out, d_z = m / s)
  out
}

figure_rows <- function(table, condition, outcome, course_end, technique, values) {
  if (length(values) == 0) return(NULL)
  data.frame(table = table, condition = condition, outcome = outcome, course_end = course_end, technique = technique,
             statistic = names(values), value = unname(values), stringsAsFactors = FALSE)
}

course_figures <- function(courses, condition, outcome, course_end) {
  if (condition != POOLED) courses <- courses[courses$condition == condition, ]
  if (nrow(courses) == 0) return(NULL)
  inst <- instrument_of(outcome)
  rules <- course_rules(inst, if (nrow(courses) >= 2) stats::sd(courses$baseline) else NA)
  tol <- rules$tolerance
  techniques <- sort(unique(courses$technique), method = "radix")
  counts <- table(factor(courses$technique, levels = techniques))
  shown <- techniques[counts[techniques] >= K]
  rows <- list()
  for (technique in shown) {
    g <- courses[courses$technique == technique, ]
    values <- c(n = nrow(g), mean_figures(g$change))
    av <- mean(g$change) / ((stats::sd(g$baseline) + stats::sd(g$end_score)) / 2)
    if (nrow(g) >= 2 && is.finite(av)) values <- c(values, d_av = av)
    if (!is.na(rules$points)) {
      eligible <- g$room >= rules$points - tol
      values <- c(values, share_figures("responders", sum(eligible & g$change >= rules$points - tol), sum(eligible)))
    }
    if (!is.na(rules$share)) {
      values <- c(values, share_figures("share_responders", sum(g$room > tol & g$change >= rules$share * g$room - tol), nrow(g)))
    }
    if (!is.na(rules$reliable)) {
      values <- c(values, share_figures("reliable", sum(g$change > rules$reliable + tol), nrow(g)))
    }
    rows[[technique]] <- values
  }
  if (length(shown) > 0) {
    reference <- if ("swedish" %in% shown) "swedish" else shown[order(-as.integer(counts[shown]))][1]
    rows[[reference]] <- c(rows[[reference]], reference = 1)
    for (contrast in adjusted_contrasts(courses[courses$technique %in% shown, ], reference, pooled = condition == POOLED)) {
      rows[[contrast$technique]] <- c(rows[[contrast$technique]], contrast$values)
    }
  }
  do.call(rbind, lapply(names(rows), function(t) figure_rows("course", condition, outcome, course_end, t, rows[[t]])))
}

# The baseline-adjusted comparison (ANCOVA): y ~ technique (+ condition when pooled) + x, x and y the baseline and end
# signed so that higher is better, the reference technique as the first level.
adjusted_contrasts <- function(courses, reference, pooled) {
  if (pooled) {
    techniques_per_condition <- tapply(courses$technique, courses$condition, function(t) length(unique(t)))
    courses <- courses[courses$condition %in% names(techniques_per_condition)[techniques_per_condition > 1], ]
  }
  by_condition <- length(unique(courses$condition)) > 1
  techniques <- sort(unique(courses$technique), method = "radix")
  if (!(reference %in% techniques) || length(techniques) < 2) return(list())
  courses$technique <- factor(courses$technique, levels = c(reference, setdiff(techniques, reference)))
  model <- if (by_condition) {
    courses$condition <- factor(courses$condition)
    stats::lm(y ~ technique + condition + x, data = courses)
  } else stats::lm(y ~ technique + x, data = courses)
  if (model$df.residual < 1 || any(is.na(stats::coef(model)))) return(list())
  terms <- paste0("technique", levels(courses$technique)[-1])
  coefficients <- summary(model)$coefficients
  intervals <- stats::confint(model, terms, level = 0.95)
  p <- coefficients[terms, "Pr(>|t|)"]
  p_holm <- stats::p.adjust(p, method = "holm")
  lapply(seq_along(terms), function(i) list(
    technique = levels(courses$technique)[i + 1],
    values = c(adjusted_difference = coefficients[terms[i], "Estimate"], adjusted_lower = intervals[i, 1],
               adjusted_upper = intervals[i, 2], adjusted_p = p[[i]], adjusted_p_holm = p_holm[[i]])
  ))
}

within_figures <- function(sessions, condition, outcome) {
  if (condition != POOLED) sessions <- sessions[sessions$condition == condition, ]
  inst <- instrument_of(outcome)
  pre <- sessions[[paste0(outcome, "_pre")]]
  post <- sessions[[paste0(outcome, "_post")]]
  change <- if (inst$better == "lower") pre - post else post - pre
  s <- data.frame(key = paste(sessions$technique, sessions$client_id, sep = "\r"), technique = sessions$technique,
                  change = change, pre = pre, post = post)[!is.na(change), ]
  if (nrow(s) == 0) return(NULL)
  clients <- data.frame(
    technique = tapply(s$technique, s$key, function(t) t[1]),
    sessions = as.integer(tapply(s$change, s$key, length)),
    change = tapply(s$change, s$key, mean),
    pre = tapply(s$pre, s$key, mean),
    post = tapply(s$post, s$key, mean)
  )
  rows <- NULL
  for (technique in sort(unique(clients$technique), method = "radix")) {
    g <- clients[clients$technique == technique, ]
    if (nrow(g) < K) next
    values <- c(n = nrow(g), sessions = sum(g$sessions), mean_figures(g$change))
    av <- mean(g$change) / ((stats::sd(g$pre) + stats::sd(g$post)) / 2)
    if (is.finite(av)) values <- c(values, d_av = av)
    rows <- rbind(rows, figure_rows("within", condition, outcome, "", technique, values))
  }
  rows
}

# Every figure results.csv holds, recomputed from the scores.
recompute <- function(scores, visits = NULL) {
  sessions <- session_table(scores, visits)
  conditions <- c(sort(unique(sessions$condition[!is.na(sessions$condition)]), method = "radix"), POOLED)
  rows <- list()
  for (outcome in OUTCOMES$outcome) {
    courses <- lapply(stats::setNames(COURSE_ENDS, COURSE_ENDS), function(course_end) course_table(sessions, outcome, course_end))
    for (condition in conditions) {
      for (course_end in COURSE_ENDS) rows[[length(rows) + 1]] <- course_figures(courses[[course_end]], condition, outcome, course_end)
      rows[[length(rows) + 1]] <- within_figures(sessions, condition, outcome)
    }
  }
  do.call(rbind, rows)
}

# results.csv and the recomputed figures side by side; `agrees` is FALSE where they differ or one is missing. With
# `shown_only`, a figure computed here that the dashboard does not show (hidden for privacy) is left out, not
# counted as missing: the dashboard's disclosure control decides what is shown, this script what the numbers are.
compare_figures <- function(dashboard, recomputed, shown_only = FALSE) {
  dashboard$value <- as.numeric(dashboard$value)
  keys <- setdiff(names(dashboard), "value")
  for (key in keys) dashboard[[key]][is.na(dashboard[[key]])] <- ""
  if (shown_only) recomputed <- recomputed[do.call(paste, c(recomputed[keys], sep = "\r")) %in% do.call(paste, c(dashboard[keys], sep = "\r")), ]
  both <- merge(dashboard, recomputed, by = keys, all = TRUE, suffixes = c("_dashboard", "_r"))
  difference <- abs(both$value_dashboard - both$value_r)
  both$agrees <- !is.na(difference) & difference <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * abs(both$value_r)
  both[do.call(order, both[keys]), c(keys, "value_dashboard", "value_r", "agrees")]
}

main <- function(args = commandArgs(trailingOnly = TRUE)) {
  quiet <- "--quiet" %in% args
  files <- args[args != "--quiet"]
  data_path <- if (length(files) >= 1) files[1] else "data.csv"
  results_path <- if (length(files) >= 2) files[2] else "results.csv"
  comparison <- compare_figures(read_csv_text(results_path), recompute(read_csv_text(data_path)))
  report(comparison, quiet, dirname(results_path))
}

# Prints and writes the comparison (to <name>-comparison.csv), and exits with status 1 if a figure differs, unless
# `exit` is FALSE: then it returns how many differ.
report <- function(comparison, quiet, folder, name = "reproduce", exit = TRUE) {
  options(width = 200, max.print = 1e7)
  path <- file.path(folder, paste0(name, "-comparison.csv"))
  utils::write.csv(comparison, path, row.names = FALSE)
  shown <- if (quiet) comparison[!comparison$agrees, ] else comparison
  if (nrow(shown) > 0) {
    for (column in c("value_dashboard", "value_r")) shown[[column]] <- formatC(shown[[column]], digits = 12, format = "g")
    print(shown, row.names = FALSE)
  }
  differ <- sum(!comparison$agrees)
  if (nrow(comparison) == 0) cat(sprintf("\nNo figure to compare: every group has fewer than %d clients, in results.csv as here.\n", K))
  cat(sprintf("\n%d figures compared (k = %d); %d agree within %g + %g x |value|; %d differ or are missing.\n",
              nrow(comparison), K, nrow(comparison) - differ, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE, differ))
  cat(sprintf("Side by side: %s\n", path))
  if (exit && differ > 0) quit(status = 1)
  invisible(differ)
}

if (sys.nframe() == 0L) main()
