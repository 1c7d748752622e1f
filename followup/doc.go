// Package followup says what must happen after an incident, by when, and
// whether it did: the reaction to the perpetrator within 48 hours (VPT5,
// GG12), the police report or a recorded decision (VPT6), damage recovery
// (VPT7) and aftercare for everyone involved (VPT8, GG13).
//
// [Plan] turns an [incident.Incident] into [Obligation] values under a
// [Policy]; [Status] compares them with the recorded [Action] values at a
// moment; [Summarize] measures compliance over a whole register in
// constant memory, for the checklist evaluator's cross-check of claims
// against facts. Actions are read with [DecodeAction] (JSON, with the
// [Schema]) or [ReadActionsCSV], and stored through an [ActionStore]; an
// [Importer] stores incidents and their actions in one transaction.
//
// # Policy defaults
//
// The zero [Policy] is the default policy; set only what differs.
//
//	Anchor         occurred       deadlines count from when it happened (or: reported)
//	Counting       elapsed        real hours (or: working_days)
//	Reaction       48h            reaction to the perpetrator (VPT5, GG12)
//	PoliceReport   5 days         police report or recorded decision (VPT6)
//	Damages        20 days        start recovering damages (VPT7)
//	FirstContact   72h            first aftercare contact, per person (may be 24h)
//	ManagerTalk    5 days         conversation with the manager, per person (GG02)
//	RepeatDays     14             declined aftercare offered again, calendar days
//	CheckDays      42             aftercare check at six weeks, calendar days
//	GoodFriday     false          Good Friday is a working day
//	LiberationDay  every_year     5 May is a day off every year (or: every_5_years, never)
//
// The sources set the 48 hours and the repeated attention to aftercare;
// the other deadlines are this package's choices, to be overridden by an
// organisation's own protocol. The durations count as Counting says: 5 days
// is five calendar days (120 real hours) by default and five working days
// only in working-day mode; the seeds name no period for them. The manager
// conversation gets 5 days: GG02 asks managers to support employees soon
// after an incident, and 5 days leaves room for a weekend. An anchor,
// counting mode or Liberation Day rule that is not one of the listed codes
// is refused ([Policy.Validate]; [Plan], [Summarize] and the policy's
// methods return that error), never replaced by the default. Liberation
// Day counts every year by default because the collective agreement of
// central government gives it every year; many other agreements give it
// once in five years (2025, 2030), which LiberationLustrum models. Good
// Friday is not a general day off in the Netherlands.
//
// # Counting and daylight saving time
//
// All deadlines are in Europe/Amsterdam ([Amsterdam]; the zone data is
// embedded with time/tzdata, so machines without a zoneinfo database work
// too).
//
// In elapsed mode a deadline is the anchor plus the duration on a
// stopwatch. An incident on Saturday 28 March 2026 at 10:00 has its
// reaction due on Monday 30 March at 11:00: 48 real hours, though the
// clock moved 49 because it went forward on Sunday. On Saturday 24 October
// 2026 at 10:00 the reaction is due on Monday 26 October at 09:00 (47 on
// the clock). On the night the clocks go back, 02:30 happens twice; the
// two are different instants (00:30 and 01:30 UTC) and their deadlines
// differ by an hour too.
//
// In working-day mode every started 24 hours of a deadline is one working
// day (48 hours = 2 working days, 25 hours = 2), and the deadline falls on
// the n-th working day after the anchor's date at the anchor's clock time:
// a reaction to an incident on Friday at 15:30 is due on Tuesday at 15:30,
// and one on Saturday at 10:00 on Tuesday at 10:00 (Monday is day one).
// Weekends and the Dutch public holidays of github.com/rickar/cal/v2
// (package nl) are skipped: New Year's Day, Easter Monday, King's Day (27
// April, or Saturday 26 April when the 27th is a Sunday), Ascension Day,
// Whit Monday and both Christmas days, plus Good Friday and Liberation Day
// as the policy says. Clocks change on Sundays, which are never working
// days, so a working-day deadline always has a clock time that exists
// exactly once.
//
// The periods in days (the repeated offer, the check) are calendar days
// at the anchor's clock time in both modes; in working-day mode a day off
// moves them to the next working day. Where such a clock time does not
// exist (02:00-03:00 on the last Sunday of March) it moves forward by the
// gap, 02:30 becoming 03:30 summer time; where it exists twice (the last
// Sunday of October) the first, still in summer time, is taken.
//
// # Police triage
//
// [PoliceTriage] is the table from category to what is expected of the
// police:
//
//	threat, physical, property          report     (KindPoliceReport)
//	verbal, discrimination, sexual      decision   (KindPoliceDecision)
//
// An incident with several categories takes the strictest. A threat
// against a person, violence and damage to property are offences the
// police expect to be reported, and VPT6 asks organisations to do so.
// Insults, discriminatory remarks and sexual intimidation are offences in
// some forms and not in others, so the organisation weighs each case and
// records its decision ("report" or "no_report", with the reason).
//
// With an unknown perpetrator the reaction, the police report or decision
// and damage recovery are planned as not applicable, with that reason:
// reports show why nothing happened instead of leaving a gap.
//
// # Status
//
// [Status] gives each obligation one of open, done_on_time, done_late,
// overdue or waived. Aftercare declined by the person counts as done for
// the first contact (the offer was made) and activates the repeated offer,
// which [Plan] always plans with IfDeclined set and Status resolves from
// the actions: waived when the first contact was accepted, open while it
// is undecided. An action with outcome not_possible waives an obligation
// with the action's reason. A police report or a damages claim done by the
// reaction's due time fulfils the reaction to the perpetrator as well (seed
// 002: react within 48 hours, for instance by reporting to the police or
// recovering the damage); ObligationStatus.FulfilledBy and Note say which,
// and Summarize counts it among the reactions within 48 hours.
//
// # Measured compliance
//
// [Summarize] reads records one at a time from an iterator and keeps only
// counters and the first [OverdueLimit] (1,000) overdue obligations, with
// the full count in Summary.OverdueCount, so its memory is flat in the
// number of records. On the 2-core development machine it takes about
// 1.5 µs of CPU time per incident: one million incidents in about 1.5
// seconds when the machine is otherwise idle, with
// the same 1,030 allocations (344 KB) for 10,000 incidents as for
// 1,000,000 (see BenchmarkSummarize).
//
// An assessment is about a period, not about the whole register:
// [SummarizeIn] counts only the incidents that occurred in a [Period] of
// civil dates, midnight to midnight in Europe/Amsterdam, and the Summary
// names it. [YearTo] gives the period checklist.WithMeasured expects: the
// twelve months up to and including the assessment date.
//
// # Personal data
//
// An action names its subject by the same pseudonymous reference the
// incident uses: [Action.Validate] refuses a subject that is not
// "perpetrator" or a reference (a name such as "Jan de Vries"), and
// [Action.CheckIncident], which every store applies, refuses an action
// about someone who is not involved in the incident ([CheckActions] does
// the same for a whole file, with rows). Messages never repeat the subject.
// [ActionID] derives an ID from the incident, the kind, the person's place
// among the involved and the time, never from a reference, and
// [AnonymiseActions] is what the stores do to the actions of an anonymised
// incident: subjects follow their person, reasons go and IDs are derived
// anew, so that nothing leads back to a person while [Summarize] counts
// the same.
package followup
