// Package survey is the employee survey of the Goed gesprek method: the
// questionnaire the IND pilot put to its participants before the rollout
// (the 0-measurement) and after it (the 1-measurement), as typed data
// with stable IDs; the anonymous response document and a CSV of
// responses; the figures of a round; and two rounds compared.
//
// # The instrument
//
// [Questions] lists the questions per theme of seed 001, section 4.2
// (aggression met in the last year; knowing the house rules, the
// agreements around an incident, the norm and that incidents must be
// reported; feeling safe, fear and complaints; backing by the manager,
// team meetings, aftercare and police reports; training, de-escalation
// and calling for help). Each has its text in Dutch and English, its
// answer [Scale], its source section, the pilot's own 0- and 1-figures
// ([Pilot]) and the checklist criteria it measures: knows_norm measures
// GG11-3, knows_to_report GG05-2 and backed_by_manager GG03-3. Criteria
// are named by their string ID so that package checklist can import this
// one; a test there checks every ID.
//
// # Responses in, figures out
//
// A [Response] is one respondent's answers to one round, and nothing
// else: no name, no number, no date finer than the round's month, no free
// text. [DecodeResponse] reads one strictly against [Schema]; [ReadCSV]
// reads a file of them, one row per respondent, with every problem at its
// row and column. [Summarize] turns the responses of a round into a
// [Round]: per question the respondents who answered, the share of
// positive answers and its 95% Wilson interval ([Wilson]). A question
// answered by fewer than [MinGroup] respondents gets no figure. Nothing
// in a Round, nor anything this package writes, holds a respondent's
// answers.
//
// # Two rounds
//
// [Compare] sets two rounds side by side per question: the change in
// percentage points and its two-sided p value, by the pooled
// two-proportion z-test ([TwoProportionZ]) or, where a cell of the 2×2
// table is expected to hold fewer than five respondents, Fisher's exact
// test ([FisherExact]). Each change carries the pilot's figures for the
// same question; the pilot had 40 respondents, so its own changes are
// large but rest on few people.
package survey
