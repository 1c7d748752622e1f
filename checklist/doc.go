// Package checklist holds the 14 items of the Goed gesprek checklist (IND
// pilot report, seed 001, chapter 5) as typed rules, and an evaluator that
// scores an organisation's self-assessment and explains every point.
//
// # Catalogue
//
// [Items] returns GG01..GG14 in the order of the report, [Criteria] their
// 41 criteria, and [LookupItem] and [LookupCriterion] find them by ID. A
// criterion's ID is its item's ID, a hyphen and its number: GG01-1 is the
// first criterion of GG01. The same ID keys the answers of a
// self-assessment, names the criterion in reports and schemas, and is
// the last token of its JSON pointer ("/answers/GG01-1"). It has no dot
// and no segment of digits alone, because form renderers (JSON Forms,
// react-jsonschema-form) read a dot in a property name as a path
// separator and a numeric segment as an array index. Until the rename the
// IDs were written "GG01.1"; [DecodeAssessment] refuses a document with
// such a key and names the new one. Each item has a Dutch and English title and description in
// the project's own words, its source (seed 001, "5, item N"), a weight and
// the principles it serves. Each [Criterion] has a bilingual question, help
// text and next step, an [AnswerType], coded [Option]s for choice and multi
// answers, the principles it serves (VPT1..VPT8, PC1..PC10), whether it is
// critical and whether evidence is expected, and a [Rule]. The catalogue is
// built once at package initialisation and never changes: [Items],
// [Criteria] and the lookups return deep copies, so that a caller who
// changes one changes nothing for [Evaluate] or for another caller.
//
// # Rules
//
// A [Rule] turns an answer into a [Result]: met, partially_met, not_met or
// not_applicable; a criterion without an answer, or whose answer has no
// value, is unanswered. In a document that means leaving the answer or its
// "value" out, as form renderers do with an untouched question:
// [DecodeAssessment] refuses "value": null and says so. (In Go the zero
// [Value] is the same as no value.) The kinds:
//
//   - true (bool): yes is met, no is not met;
//   - grade (choice): each option carries its result;
//   - at_least (percent, count): >= Met is met, >= Partial partially met;
//   - count (multi): the number of options chosen, >= Met / >= Partial;
//     when Rule.AnyOf is set, met also needs one of its codes chosen, or
//     the answer is partially met (GG12-2);
//   - coverage (multi): met when the percentage of Rule.Required chosen
//     reaches Met; partially met when every category of the required codes
//     has at least one chosen code (any catalogue behaviour of it counts,
//     see [norm.CategoriesOf]) and the percentage reaches Partial (0 by
//     default); otherwise not met. GG11-1: the VPT baseline of
//     [norm.Baseline], the 17 behaviours the seeds name (the project's
//     additions to the catalogue are not required), whose categories
//     [norm.BaselineCategories] gives;
//   - recent (date): whole months before the assessment date, <= Met /
//     <= Partial.
//
// Thresholds are data ([Threshold] on the rule) and [WithThresholds]
// overrides them per evaluation. Every explanation quotes the answer and
// the threshold, e.g. "82% getraind; norm: ≥ 95% voldaan, ≥ 50% deels
// voldaan", in the report's language (Dutch numbers use a decimal comma).
//
// # Scoring and rating
//
// A criterion earns 1 when met, 0.5 when partially met and 0 when not met
// or unanswered; not applicable leaves it out. An item's score is the
// weighted mean of its criteria times 100; the overall score is the
// weighted mean of the items that have any criterion that counts, rounded
// to one decimal. Item weights: GG01 2 (training is the core of the method:
// the report adds a separate list for it), GG05, GG11, GG12 and GG13 1.5
// (registration, the norm, the reaction to the perpetrator and aftercare
// carry the protection of the employee), the others 1. Criterion weights:
// critical criteria 2, the others 1. [WithWeights] and
// [WithCriterionWeights] override them.
//
// The rating follows the first rule that applies ([RatingRule]):
//
//   - score < 55: red (score_below_amber);
//   - score >= 80 but a critical criterion not fully met (partially met,
//     not met or unanswered): amber (capped_by_critical);
//   - score >= 80: green (score_green);
//   - otherwise amber (score_amber).
//
// Green means the critical points are in order: every critical criterion
// met (or not applicable). A critical criterion partially met caps the
// rating at amber just as one not met does. The rating is taken from the
// rounded score, so the score shown and the rating always agree.
// Report.CappedBy lists the critical criteria that are not fully met.
//
// A principle's coverage (0-1) is the weighted mean of the criteria that
// serve it, each weighted by its share of the overall score.
//
// # Findings
//
// Findings are data, not errors. Their codes ([FindingCode]):
//
//   - critical_not_met: a critical criterion not met or unanswered (it caps
//     the rating); it replaces criterion_not_met and unanswered for it. A
//     critical criterion partially met caps the rating too; its finding is
//     criterion_partially_met, whose message then says so;
//   - measured_contradicts_claim: measured data give another result than
//     the claim;
//   - document_contradicts_claim: the norm document ([WithNorm]) gives
//     another answer than the claim (other codes, or yes where the claim
//     says no), whether or not the result differs;
//   - criterion_not_met, unanswered, criterion_partially_met;
//   - evidence_missing: a criterion that expects evidence is claimed as
//     (partially) met without any;
//   - evidence_stale: the newest evidence of a (partially) met claim on a
//     criterion that expects evidence is older than the policy allows.
//     Evidence added to a criterion that expects none is kept but not
//     judged, just as its absence there is no finding.
//
// Each finding has the criterion, the JSON pointer of its answer
// ("/answers/GG05-1"), a message, its source (item, place in seed 001,
// principles), a next step and its stake: the points of the overall score
// that hang on it (what the criterion could still add, or for an evidence
// or measured finding what the claim is worth). Findings are sorted in a
// fixed order: critical_not_met first, then by stake (highest first), then
// by code in the order above, then by criterion ID.
//
// # Evidence
//
// Evidence has a title, a reference and a date; title and date are
// required, and the date may not lie after the assessment date. Every
// critical criterion expects evidence. Evidence is stale when its newest
// document is more than [DefaultMaxEvidenceAge] (24) months older than the
// assessment date: one missed yearly review, and the partial band of
// GG10-1. [WithMaxEvidenceAge] changes it; 0 switches the check off.
// Evidence findings do not change the score: they tell the auditor what to
// ask for.
//
// # Measured data
//
// [WithMeasured] passes a followup.Summary measured from the incident
// register. Where its share is known (a denominator above 0) it decides
// the result of the claim it measures: GG05-3 by CauseAnalysis, GG12-1 by
// Reactions48h, GG13-1 by AftercareOnTime, with the criterion's own
// thresholds. When the two results differ a measured_contradicts_claim
// finding states both figures ("claimed 100% (met), but the register shows
// 62% (31 of 50), so not met"). An unanswered criterion stays unanswered;
// a claim decided by measured data needs no evidence document.
//
// The summary must cover the twelve months up to and including the
// assessment date (followup.YearTo, measured with followup.SummarizeIn),
// and the report names that period. A summary over another period, or
// one that names none, is an error, not a finding: figures from another
// year, or from the whole register, would otherwise decide this year's
// claims, and the score built on them would be wrong without a word.
//
// A police report or a damages claim filed within the 48 hours counts as
// the reaction to the perpetrator in Reactions48h (seed 002; see
// followup.Status).
//
// # The norm document
//
// [WithNorm] passes the organisation's norm document (package
// norm/normdoc: its house rules and, optionally, its service norm). The
// criteria the document answers are derived from it, not claimed: GG11-1
// (the catalogue behaviours it names, judged against the VPT baseline as
// above; an extra behaviour of the organisation's own counts for its
// category, as in norm.CheckNorm), GG11-2 (where clients meet the norm)
// and, when there is a service norm, GG09-1 (the topics it covers by
// norm.CheckService), GG09-2 and GG09-3 (made known to clients and to
// employees). The explanation then starts "volgens het normdocument" /
// "according to the norm document", [CriterionReport.Derived] holds the
// document's answer beside the claim, and [Report.Norm] names the
// document. Where the claim gives another answer, a
// document_contradicts_claim finding states both and the document
// decides; an unanswered criterion becomes answered by the document
// without a finding. A derived criterion needs no other evidence. A
// document adopted after the assessment date, or one that does not
// validate, is an error: it was not the norm in force, or it is not a
// norm.
//
// # Versions
//
// [CatalogueVersion] names the state of the rules (criteria, rules,
// default weights and thresholds, rating bounds); a test pins it to a
// fingerprint of the catalogue, so it changes whenever they do.
// [Report.Policy] names it with the rating bounds, and every item and
// criterion in the report carries the weight, and every criterion with a
// threshold rule the [Threshold], that were applied, whether the
// catalogue's or an override: an auditor can re-run last year's report and
// see why today's differs.
// [WithSurvey] does the same with an employee survey round (package
// survey): knowing the norm decides GG11-3, knowing to report GG05-2 and
// feeling backed by the manager GG03-3. The report quotes the surveyed
// share with its 95% interval, and says when that interval straddles a
// bound of the threshold. A figure withheld for fewer than 10
// respondents decides nothing. The round must fall within the
// assessment's twelve months; [WithSurveyBaseline] adds an earlier round,
// and the report's [SurveyReport] then compares the two per question,
// beside the pilot's own figures.
// # Comparing two assessments
//
// [Compare] sets two reports of one organisation side by side: the score
// and rating before and after with the reason for the change, every item
// and criterion with both results (and both answers), the items that
// improved or got worse, and the findings resolved and new (a finding is
// the same when its code and criterion are). Results that score the same
// but differ (not met and unanswered, or not applicable on one side) are
// [Changed], not better or worse. Reports have no organisation ID, so
// [SameOrganisation] decides by kind and by name, ignoring case and
// spacing; Compare refuses reports of two organisations, a new report
// older than the old one, and reports in different languages.
//
// # Errors
//
// [Evaluate] returns an error only for invalid input: one *norm.Error (Op
// "checklist.Evaluate") listing every problem, sorted by JSON pointer:
// unknown criterion IDs, values of the wrong kind, unknown or repeated
// option codes, percentages outside 0-100, negative or fractional counts,
// dates that do not exist or lie after the assessment date, evidence
// without title or date, a missing organisation name or kind, a missing
// assessment date, and bad options (pointer "", the message naming the
// option, e.g. "WithNorm: /norm/behaviours/3: ..."). Evaluate is deterministic,
// keeps no global mutable state and is safe for concurrent use.
//
// # Forms
//
// [Schema] gives the JSON Schema of the self-assessment (2020-12 or
// draft-07, Dutch or English); [RJSFUISchema] and [JSONFormsUISchema]
// the UI schemas that lay it out for react-jsonschema-form and JSON
// Forms: one section per item, headed with its title, each question with
// its help text shown, comment and evidence under each answer. A form
// filled in from scratch gives a document [DecodeAssessment] accepts:
// "version" and "answers" may be absent, and no question carries a
// default. react-jsonschema-form needs one setting on its Form,
// experimental_defaultFormStateBehavior={{constAsDefaults: 'skipOneOf'}},
// or it answers every untouched yes/no and choice question with its first
// option. The repository's CI renders both in headless Chromium and
// checks every answer's place (.ci/formcheck.sh).
//
// # Criteria and their sources
//
// Every criterion with its rule and its source: the checklist item and its
// place in seed 001, and the principles it serves (VPT1..VPT8 from seed 001,
// 2.2.1; PC1..PC10 from seed 001, 2.2.2). A criterion weighs 2 when critical
// and 1 otherwise unless its line says otherwise. The list is generated from
// the catalogue and a test fails when the two differ: go test ./checklist
// -run TestDocListsEveryCriterion -update rewrites it.
//
// GG01, Every client-facing employee trained (seed 001, 5, item 1; weight
// 2):
//
//   - GG01-1 (percent, critical, evidence; VPT4, PC4): at_least, met at ≥
//     95%, partially met at ≥ 50%.
//   - GG01-2 (choice, evidence; VPT4, PC4): grade, met both; partially met
//     service_only, safety_only.
//   - GG01-3 (choice; VPT4): grade, met within_6_months; partially met
//     within_12_months.
//
// GG02, Managers trained first (seed 001, 5, item 2; weight 1):
//
//   - GG02-1 (percent, evidence; VPT4, PC5): at_least, met at ≥ 95%,
//     partially met at ≥ 50%.
//   - GG02-2 (choice; VPT4, PC5): grade, met before; partially met
//     same_time.
//   - GG02-3 (bool, evidence; VPT6, VPT8): true, met when yes.
//
// GG03, Nothing stops employees from setting limits (seed 001, 5, item 3;
// weight 1):
//
//   - GG03-1 (bool, critical, evidence; VPT1): true, met when yes.
//   - GG03-2 (bool, evidence; VPT1): true, met when yes.
//   - GG03-3 (percent; VPT1, PC5): at_least, met at ≥ 90%, partially met
//     at ≥ 60%.
//
// GG04, Service and safety in one message (seed 001, 5, item 4; weight 1):
//
//   - GG04-1 (choice; PC7): grade, met coordinated; partially met partly.
//   - GG04-2 (multi; VPT2): count, met at ≥ 3, partially met at ≥ 1 (of
//     5 options).
//
// GG05, Every incident reported, registered centrally and analysed (seed
// 001, 5, item 5; weight 1.5):
//
//   - GG05-1 (bool, critical, evidence; VPT3): true, met when yes.
//   - GG05-2 (percent; VPT2): at_least, met at ≥ 95%, partially met at ≥
//     75%.
//   - GG05-3 (percent; VPT3): at_least, met at ≥ 90%, partially met at ≥
//     50%; the register decides (cause_analysis).
//   - GG05-4 (count; VPT3, PC9): at_least, met at ≥ 1.
//
// GG06, Keeping promises to clients (seed 001, 5, item 6; weight 1):
//
//   - GG06-1 (percent; PC1): at_least, met at ≥ 95%, partially met at ≥
//     80%.
//   - GG06-2 (choice; PC2): grade, met always; partially met sometimes; not
//     applicable no_legal_terms.
//   - GG06-3 (bool; PC3, PC9): true, met when yes.
//
// GG07, As little bureaucracy towards citizens as possible (seed 001, 5,
// item 7; weight 1):
//
//   - GG07-1 (choice; PC6, PC10): grade, met phone_first; partially met
//     letter_with_contact.
//   - GG07-2 (choice; PC6, PC10): grade, met always; partially met
//     sometimes.
//
// GG08, Procedures as service-minded as possible (seed 001, 5, item 8;
// weight 1):
//
//   - GG08-1 (percent; PC9, PC4): at_least, met at ≥ 50%, partially met at
//     ≥ 25%.
//   - GG08-2 (bool, evidence; PC4, PC9): true, met when yes.
//
// GG09, A clear service norm (seed 001, 5, item 9; weight 1):
//
//   - GG09-1 (multi; PC5, PC6, PC7): count, met at ≥ 3, partially met at
//     ≥ 1 (of 3 options).
//   - GG09-2 (bool, evidence; PC5, PC7): true, met when yes.
//   - GG09-3 (bool; PC4, PC7): true, met when yes.
//
// GG10, Client satisfaction measured regularly (seed 001, 5, item 10; weight
// 1):
//
//   - GG10-1 (date, evidence; PC8): recent, met at ≤ 12, partially met at
//     ≤ 24 months before the assessment date.
//   - GG10-2 (multi; PC8, PC7): count, met at ≥ 2, partially met at ≥ 1
//     (of 2 options).
//   - GG10-3 (count; PC8): at_least, met at ≥ 1.
//
// GG11, A clear norm of unacceptable behaviour (seed 001, 5, item 11; weight
// 1.5):
//
//   - GG11-1 (multi, critical, evidence; VPT1): coverage, met at ≥ 100% of
//     the 17 required codes, partially met when every category of them has a
//     chosen code.
//   - GG11-2 (multi; VPT1): count, met at ≥ 2, partially met at ≥ 1 (of
//     5 options).
//   - GG11-3 (percent; VPT1): at_least, met at ≥ 90%, partially met at ≥
//     60%.
//
// GG12, Reacting to the perpetrator within 48 hours (seed 001, 5, item 12;
// weight 1.5):
//
//   - GG12-1 (percent, critical, evidence; VPT5): at_least, met at ≥ 95%,
//     partially met at ≥ 70%; the register decides (reactions_48h).
//   - GG12-2 (multi; VPT5): count, met at ≥ 2, partially met at ≥ 1 (of
//     3 options); met also needs one of conversation, warning_letter.
//   - GG12-3 (choice; VPT6): grade, met always; partially met case_by_case.
//   - GG12-4 (choice; VPT7): grade, met always; partially met case_by_case.
//
// GG13, Aftercare for everyone involved (seed 001, 5, item 13; weight 1.5):
//
//   - GG13-1 (percent, critical, evidence; VPT8): at_least, met at ≥ 95%,
//     partially met at ≥ 70%; the register decides (aftercare_on_time).
//   - GG13-2 (multi; VPT8): count, met at ≥ 2, partially met at ≥ 1 (of
//     5 options).
//   - GG13-3 (bool; VPT8): true, met when yes.
//
// GG14, Working bottom-up as well (seed 001, 5, item 14; weight 1):
//
//   - GG14-1 (choice; PC5, VPT2): grade, met every_team; partially met
//     some_teams.
//   - GG14-2 (choice; PC4, VPT2): grade, met regularly; partially met
//     occasionally.
//   - GG14-3 (count; PC5): at_least, met at ≥ 2, partially met at ≥ 1.
//
// # Deviations from the proposal
//
// The criteria start from shared/criteria.md. Where they differ, and why:
//
//   - GG01-3 is a choice (within 6 months / within 12 / later or not)
//     instead of yes/no, so that induction that comes late but does come
//     earns partial credit and the question can be answered honestly.
//   - GG02-2 grades "after" as not met, like "not trained": the item asks
//     for managers first.
//   - GG06-2 gains the option no_legal_terms (not applicable), for
//     organisations that take no decisions on applications, such as a
//     contact centre (seed 004).
//   - GG11-1 makes "covers part of the baseline" precise: met when every
//     baseline behaviour is named, partially met when each category of the
//     baseline (the groups of the pilot's survey, 001 4.2.1, with
//     discrimination and sexual intimidation counted apart) has at least
//     one named behaviour. A count such as "half of them" would rate nine
//     verbal and threat behaviours above a norm that touches every kind of
//     aggression once.
//   - GG11-2 takes its options, codes and labels, from the client media of
//     package norm ([norm.ClientMedia]: house_rules_desk, website, letters,
//     phone_menu, signage), the vocabulary of norm.OrgNorm, so that the two
//     cannot drift apart.
//   - GG12-2 takes its options from the forms a reaction can take in
//     package followup (conversation, warning_letter, ban, with
//     followup.FormLabel), so that what an organisation says it has
//     available is what its actions record. The proposal's "other" is
//     gone: no action could record it, and [DecodeAssessment] refuses it
//     with the codes allowed. Met needs two kinds with a conversation or a
//     warning letter among them (Rule.AnyOf): item 12 names an oral or a
//     written reaction (seed 001, chapter 5, item 12), and a ban alone
//     leaves the perpetrator without one; partially met is one kind, as
//     the proposal has it.
//   - GG13-1 asks for aftercare offered on time, so that it measures the
//     same thing as followup's AftercareOnTime.
//   - Evidence is expected on every critical criterion and on the
//     documents an organisation normally has (marked "evidence" in the list
//     above), not only on GG02-3, GG03-1 and GG09-2.
//   - Weights, which the proposal left open, are set as described above.
//   - A critical criterion only partially met caps the rating at amber as
//     one not met does; the proposal capped only an unmet one. Green means
//     the critical points are in order.
//   - The proposal's months answer type is left out: no criterion asks for
//     a number of months (GG10-1 asks for a date and counts the months).
//   - Principles are kept per criterion; an item's principles are their
//     union. The mapping refines the domain brief: GG01 adds PC4 (service
//     skills are expertise); GG02 adds VPT6 (help with the police report)
//     and PC5 (supervision); GG03-3 adds PC5; GG04, unmapped in the brief,
//     serves PC7 (one current message) and VPT2 (internal channels carry
//     the call to report); GG05-4 adds PC9 (procedures improved from
//     incidents); GG06-3 adds PC9; GG09 adds PC6 (turnaround and
//     reachability) and PC4 (staff know the norm); GG10-2 adds PC7; GG14,
//     unmapped in the brief, serves VPT2, PC4 and PC5. Every principle is
//     reached by at least one criterion.
//   - A principle's coverage weighs each criterion by its share of the
//     overall score instead of taking a plain mean.
//   - GG09-1..3, GG11-1 and GG11-2 can be derived from the
//     organisation's norm document instead of claimed ([WithNorm]), and
//     GG03-3, GG05-2 and GG11-3 decided by an employee survey round
//     ([WithSurvey]); the proposal only has claims.
package checklist
