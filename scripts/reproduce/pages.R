# The conditions, range-of-motion and therapists pages' figures, recomputed in base R from the demo's own files.
# Sourced by demo.R after reproduce.R (its session_table, course_table and mean helpers) and pages-constants.R
# (MOVEMENTS, MAX_SESSION, DOSE_BUCKETS, ALL_CONDITIONS, written by run.ts from the dashboard's reference lists).
#
# Every figure is computed here for every group; the dashboard shows only those its disclosure control lets through
# (some hidden together with others, by rules this script does not repeat: the auditor in the test suite checks
# those). So each figure the dashboard shows must be here and agree; a figure here that the dashboard hides is
# counted, not an error.

page_instrument <- function(outcome) {
  instrument_of(outcome, rbind(OUTCOMES, data.frame(outcome = "rom", instrument = "rom")), rbind(INSTRUMENTS, ROM_INSTRUMENT))
}

# Range of motion per session as % of each movement's normal range, averaged over the movement-and-side pairs
# measured (rom_pre, rom_post), as the dashboard's session table holds it.
add_rom_columns <- function(sessions, scores) {
  r <- scores[scores$instrument == "rom", ]
  r$value <- as.numeric(r$value)
  r$normal <- MOVEMENTS$normal_degrees[match(r$rom_movement, MOVEMENTS$code)]
  for (timepoint in c("pre", "post")) {
    t <- r[r$timepoint == timepoint & !is.na(r$value), ]
    pair <- paste(t$session_id, t$rom_movement, t$side, sep = "\r")
    pairs <- data.frame(session_id = tapply(t$session_id, pair, function(v) v[1]),
                        percent = tapply(100 * t$value / t$normal, pair, mean))
    pairs <- pairs[!is.na(pairs$percent), ]
    means <- tapply(pairs$percent, pairs$session_id, mean)
    sessions[[paste0("rom_", timepoint)]] <- unname(as.numeric(means[sessions$session_id]))
  }
  sessions
}

page_summary <- function(x) {
  x <- x[!is.na(x)]
  n <- length(x)
  list(n = n, mean = if (n > 0) mean(x) else NA, sd = if (n > 1) stats::sd(x) else NA)
}

# A mean with its t-based 95% CI, as t.test gives it (an interval of no width when every value is the same).
interval_figures <- function(prefix, s) {
  if (s$n == 0) return(NULL)
  out <- stats::setNames(s$mean, paste0(prefix, "mean"))
  if (s$n >= 2 && !is.na(s$sd)) {
    half <- stats::qt(0.975, s$n - 1) * s$sd / sqrt(s$n)
    out <- c(out, stats::setNames(c(s$mean - half, s$mean + half), paste0(prefix, c("ci_lower", "ci_upper"))))
  }
  out
}

page_rows <- function(table, condition, outcome, course_end, group, values) {
  if (length(values) == 0) return(NULL)
  data.frame(table = table, condition = condition, outcome = outcome, course_end = course_end, group = group,
             statistic = names(values), value = unname(values), stringsAsFactors = FALSE)
}

select_condition <- function(rows, condition) {
  if (condition == ALL_CONDITIONS) rows else rows[rows$condition == condition, ]
}

# Course technique of each client: the technique of their first session.
course_techniques <- function(sessions) {
  o <- sessions[order(sessions$client_id, sessions$session_number), ]
  first <- o[!duplicated(o$client_id), ]
  stats::setNames(first$technique, first$client_id)
}

# Each client's mean score before sessions 1..MAX_SESSION, with their course technique and condition.
scored_sessions <- function(sessions, outcome) {
  s <- sessions[!is.na(sessions[[paste0(outcome, "_pre")]]) & sessions$session_number >= 1 & sessions$session_number <= MAX_SESSION, ]
  if (nrow(s) == 0) return(NULL)
  s$score <- s[[paste0(outcome, "_pre")]]
  scored <- stats::aggregate(score ~ client_id + session_number, data = s, FUN = mean)
  scored$technique <- unname(course_techniques(sessions)[scored$client_id])
  scored$condition <- sessions$condition[match(scored$client_id, sessions$client_id)]
  scored
}

# Session curves and attendance: the mean score before sessions 1..MAX_SESSION by course technique and for all.
curve_figures <- function(scored, condition, outcome) {
  if (is.null(scored)) return(NULL)
  scored <- select_condition(scored, condition)
  if (nrow(scored) == 0) return(NULL)
  rows <- list()
  started <- c()
  for (group in c(ALL_TECHNIQUES, sort(unique(scored$technique), method = "radix"))) {
    g <- if (group == ALL_TECHNIQUES) scored else scored[scored$technique == group, ]
    for (session in sort(unique(g$session_number))) {
      x <- page_summary(g$score[g$session_number == session])
      if (session == 1) started[group] <- x$n
      rows[[length(rows) + 1]] <- page_rows("curve", condition, outcome, "", group,
        c(stats::setNames(x$n, paste0("session_", session, "_n")), interval_figures(paste0("session_", session, "_"), x)))
      first <- if (is.na(started[group])) 0 else started[group]
      values <- stats::setNames(c(x$n, first), paste0("session_", session, c("_clients", "_started")))
      if (first > 0) values <- c(values, stats::setNames(x$n / first, paste0("session_", session, "_share")))
      rows[[length(rows) + 1]] <- page_rows("attendance", condition, outcome, "", group, values)
    }
  }
  do.call(rbind, rows)
}

# Across-course change (before the first session to before the last) by the number of sessions attended.
dose_figures <- function(courses, condition, outcome) {
  courses <- select_condition(courses, condition)
  if (nrow(courses) == 0) return(NULL)
  rows <- list()
  for (i in seq_len(nrow(DOSE_BUCKETS))) {
    b <- DOSE_BUCKETS[i, ]
    x <- page_summary(courses$change[courses$sessions >= b$min & courses$sessions <= b$max])
    if (x$n == 0) next
    values <- c(n = x$n, interval_figures("", x))
    names(values)[names(values) == "mean"] <- "mean_change"
    rows[[length(rows) + 1]] <- page_rows("dose", condition, outcome, "last_pre", paste("sessions", b$label), values)
  }
  do.call(rbind, rows)
}

# Range of motion per movement: each client's sides averaged, then summaries over clients, against the MDC.
rom_clients <- function(scores, sessions, course_end) {
  r <- scores[scores$instrument == "rom" & scores$timepoint %in% c("pre", "post"), ]
  if (nrow(r) == 0) return(NULL)
  r$value <- as.numeric(r$value)
  r$session_number <- as.integer(r$session_number)
  key <- paste(r$client_id, r$session_number, r$rom_movement, r$side, sep = "\r")
  mean_of <- function(tp) tapply(ifelse(r$timepoint == tp, r$value, NA), key, function(v) if (all(is.na(v))) NA else mean(v, na.rm = TRUE))
  first <- !duplicated(key)
  visits <- data.frame(client_id = r$client_id[first], session_number = r$session_number[first], movement = r$rom_movement[first],
                       side = r$side[first], stringsAsFactors = FALSE)
  k <- key[first]
  visits$pre <- as.numeric(mean_of("pre")[k])
  visits$post <- as.numeric(mean_of("post")[k])
  visits$end <- if (course_end == "last_pre") visits$pre else visits$post
  side_key <- paste(visits$client_id, visits$movement, visits$side, sep = "\r")
  sides <- do.call(rbind, lapply(split(visits, side_key), function(v) {
    with_pre <- v[!is.na(v$pre), ]
    with_end <- v[!is.na(v$end), ]
    both <- v[!is.na(v$pre) & !is.na(v$post), ]
    baseline_session <- if (nrow(with_pre)) min(with_pre$session_number) else NA
    end_session <- if (nrow(with_end)) max(with_end$session_number) else NA
    data.frame(client_id = v$client_id[1], movement = v$movement[1],
               baseline = if (nrow(with_pre)) with_pre$pre[which.min(with_pre$session_number)] else NA,
               end_score = if (nrow(with_end)) with_end$end[which.max(with_end$session_number)] else NA,
               has_course = !is.na(baseline_session) && !is.na(end_session) && end_session > baseline_session,
               within_pre = if (nrow(both)) mean(both$pre) else NA, within_post = if (nrow(both)) mean(both$post) else NA,
               stringsAsFactors = FALSE)
  }))
  avg <- function(x) if (all(is.na(x))) NA else mean(x, na.rm = TRUE)
  clients <- do.call(rbind, lapply(split(sides, paste(sides$client_id, sides$movement, sep = "\r")), function(s) {
    data.frame(client_id = s$client_id[1], movement = s$movement[1], baseline = avg(s$baseline),
               within_pre = avg(s$within_pre), within_post = avg(s$within_post), within_change = avg(s$within_post - s$within_pre),
               course_baseline = avg(s$baseline[s$has_course]), course_end = avg(s$end_score[s$has_course]), stringsAsFactors = FALSE)
  }))
  clients$condition <- sessions$condition[match(clients$client_id, sessions$client_id)]
  clients
}

rom_figures <- function(clients, condition, course_end) {
  clients <- select_condition(clients, condition)
  if (nrow(clients) == 0) return(NULL)
  tolerance <- INSTRUMENTS_ROM_RESOLUTION * TOLERANCE_SHARE_OF_RESOLUTION
  rows <- list()
  for (i in seq_len(nrow(MOVEMENTS))) {
    m <- MOVEMENTS[i, ]
    p <- clients[clients$movement == m$code, ]
    if (nrow(p) == 0) next
    percent <- function(x) 100 * x / m$normal_degrees
    course_change <- p$course_end - p$course_baseline
    values <- c(clients = sum(!is.na(p$baseline)), baseline_degrees = page_summary(p$baseline)$mean,
                baseline_percent = page_summary(percent(p$baseline))$mean)
    for (part in c("within", "course")) {
      change <- if (part == "within") p$within_change else course_change
      before <- if (part == "within") p$within_pre else p$course_baseline
      after <- if (part == "within") p$within_post else p$course_end
      x <- page_summary(change)
      if (x$n < 2) next
      values <- c(values, stats::setNames(x$n, paste0(part, "_n")),
                  interval_figures(paste0(part, "_degrees_"), x), interval_figures(paste0(part, "_percent_"), page_summary(percent(change))))
      if (!is.na(x$sd) && x$sd > 0) values <- c(values, stats::setNames(x$mean / x$sd, paste0(part, "_d_z")))
      av <- x$mean / ((page_summary(before)$sd + page_summary(after)$sd) / 2)
      if (is.finite(av)) values <- c(values, stats::setNames(av, paste0(part, "_d_av")))
      if (part == "course") {
        values <- c(values, course_baseline_percent = page_summary(percent(p$course_baseline))$mean,
                    course_end_percent = page_summary(percent(p$course_end))$mean)
        if (!is.na(m$mdc_degrees)) {
          beyond <- sum(course_change > m$mdc_degrees + tolerance, na.rm = TRUE)
          interval <- stats::prop.test(beyond, x$n, correct = FALSE)$conf.int
          values <- c(values, beyond_mdc = beyond, beyond_mdc_of = x$n, beyond_mdc_lower = interval[1], beyond_mdc_upper = interval[2])
        }
      }
    }
    rows[[length(rows) + 1]] <- page_rows("rom", condition, "rom", course_end, m$code, values)
  }
  do.call(rbind, rows)
}

# Therapists: course change by home therapist (the therapist of the first session), and observed minus expected
# change from a model of the clinic's courses: end ~ condition x technique + baseline (indirect standardization).
therapist_figures <- function(courses, condition, outcome) {
  courses <- select_condition(courses, condition)
  if (nrow(courses) == 0) return(NULL)
  all <- page_summary(courses$change)
  values <- c(n = all$n, interval_figures("change_", all))
  courses$stratum <- factor(paste(courses$condition, courses$technique, sep = "\r"))
  model <- if (nlevels(courses$stratum) > 1) stats::lm(y ~ stratum + x, data = courses) else stats::lm(y ~ x, data = courses)
  fitted <- model$df.residual >= 1 && !any(is.na(stats::coef(model)))
  if (fitted) {
    sigma <- summary(model)$sigma
    courses$residual <- stats::residuals(model)
    values <- c(values, model_n = nrow(courses), model_slope = unname(stats::coef(model)["x"]), model_sigma = sigma,
                model_residual_df = model$df.residual)
  }
  rows <- list(page_rows("therapists", condition, outcome, "last_pre", "(all)", values))
  for (therapist in sort(unique(courses$therapist), method = "radix")) {
    g <- courses[courses$therapist == therapist, ]
    x <- page_summary(g$change)
    values <- c(n = x$n, interval_figures("change_", x))
    if (x$n >= 2) {
      if (!is.na(x$sd) && x$sd > 0) values <- c(values, d_z = x$mean / x$sd)
      av <- x$mean / ((stats::sd(g$baseline) + stats::sd(g$end_score)) / 2)
      if (is.finite(av)) values <- c(values, d_av = av)
    }
    if (fitted) {
      values <- c(values, interval_figures("observed_minus_expected_", page_summary(g$residual)))
      se <- sigma / sqrt(x$n)
      values <- c(values, funnel_lower95 = -stats::qnorm(0.975) * se, funnel_upper95 = stats::qnorm(0.975) * se,
                  funnel_lower998 = -stats::qnorm(0.999) * se, funnel_upper998 = stats::qnorm(0.999) * se)
    }
    rows[[length(rows) + 1]] <- page_rows("therapists", condition, outcome, "last_pre", therapist, values)
  }
  do.call(rbind, rows)
}

# Every figure of the three pages, for every condition and all together.
recompute_pages <- function(scores, sessions) {
  conditions <- c(sort(unique(sessions$condition), method = "radix"), ALL_CONDITIONS)
  rom_conditions <- c(sort(unique(sessions$condition[sessions$client_id %in% scores$client_id[scores$instrument == "rom"]]), method = "radix"), ALL_CONDITIONS)
  attended <- table(sessions$client_id)
  o <- sessions[order(sessions$client_id, sessions$session_number), ]
  o <- o[!duplicated(o$client_id), ]
  rows <- list()
  for (outcome in c(OUTCOMES$outcome, "rom")) {
    scored <- scored_sessions(sessions, outcome)
    courses <- course_table(sessions, outcome, "last_pre", page_instrument(outcome))
    courses$sessions <- as.integer(attended[courses$client_id])
    courses$therapist <- o$therapist_id[match(courses$client_id, o$client_id)]
    for (condition in conditions) {
      rows[[length(rows) + 1]] <- curve_figures(scored, condition, outcome)
      rows[[length(rows) + 1]] <- dose_figures(courses, condition, outcome)
      if (outcome != "rom") rows[[length(rows) + 1]] <- therapist_figures(courses, condition, outcome)
    }
  }
  for (course_end in COURSE_ENDS) {
    clients <- rom_clients(scores, sessions, course_end)
    for (condition in rom_conditions) rows[[length(rows) + 1]] <- rom_figures(clients, condition, course_end)
  }
  do.call(rbind, rows)
}
