// Package norm is the shared vocabulary of goedgesprek: the bilingual
// catalogues that the other packages build on, the standards an
// organisation is held to, and the one typed error for refused input.
//
// It depends on nothing else in the module. Every text exists in Dutch
// first and English second ([Text]), every catalogue entry names the seed
// document and section it rests on ([Source]), and every code is a
// readable string that round-trips through JSON and text and is refused,
// with a [*CodeError] naming the value and the allowed ones, when unknown.
//
// # Catalogues
//
//   - [Categories] and [CategoryInfos]: the kinds of aggression (verbal,
//     discrimination, sexual, property, threat, physical).
//   - [Behaviours]: the catalogue of unacceptable behaviour, each with a
//     stable [BehaviourCode], its category, a label and the section that
//     names it. Three are the project's own additions, marked Addition
//     with the section they rest on: unwanted touching, throwing objects
//     and damaging property.
//   - [Principles]: the eight principles of Veilige Publieke Taak (VPT1..VPT8)
//     and the ten of Prettig contact met de overheid (PC1..PC10).
//   - [TrafficLight]: the green, amber and red phases of a conversation,
//     with warning signals and expected actions.
//   - [Channels], [EmployeeMedia], [ClientMedia], [ServiceTopics].
//
// IDs are never renumbered or reused; new entries are appended.
//
// # Severity order
//
// [Classify] sorts categories from least to most severe and takes the
// worst one as the incident's [Severity]. The order follows one axis: how
// close the behaviour comes to harming the employee's body and safety.
//
//  1. verbal (low): words that hurt, and the most common form (48% in
//     TNO's survey, 001, 2.1.3); in the pilot's interviews some employees
//     even took swearing as part of the job (001, 4.3.1).
//  2. discrimination (medium): words or conduct aimed at who someone is,
//     not at what they did; an attack on dignity that no job excuses.
//  3. sexual (medium): intimidation aimed at sexual integrity, which comes
//     closer to the person and may involve touching.
//  4. property (medium): the step from words to deeds; force is used, but
//     against things. It ranks above the categories of words because force
//     against things can turn against people in the same encounter.
//  5. threat (high): stalking, pressure, blackmail and threats announce
//     harm to the person and make people afraid beyond the encounter; the
//     traffic light puts them in red (seed 000).
//  6. physical (high): force against the body itself.
//
// Low, medium and high group the categories by what is at stake: a
// person's mood (low), their dignity or belongings (medium), their safety
// (high). The order only decides which category is the worst; an incident
// keeps every category it has, and the severity never replaces them.
//
// # The organisation's norms
//
// An [OrgNorm] is an organisation's own norm of unacceptable behaviour:
// catalogue codes plus extra behaviours, the media through which it is
// known to employees and to clients (checklist item GG11), and the
// [Sanction]s per step of escalation, each naming its [Measure]s (the
// reaction forms of package followup, a police report, recovery of
// damages). [CheckNorm]
// compares it with the VPT [Baseline] (the 17 behaviours the seeds name;
// no addition is required) and reports missing behaviours and categories
// as data; [BaselineCoverage] counts the covered baseline
// behaviours. A [ServiceNorm] says what a client may expect: turnaround
// times, reachability per channel and treatment (item GG09);
// [CheckService] reports the topics it lacks. Both have a Validate method
// for input that must be refused. Subpackage normdoc holds the document
// in which an organisation hands both in, with its schema and decoder.
//
// # Errors
//
// Refused input is reported as one [*Error] that lists every [Problem]
// with an RFC 6901 [Pointer] (or a CSV row and column), a [ProblemCode]
// and a bilingual message. Every *Error matches [ErrInvalid] and every
// *CodeError matches [ErrUnknownCode] with errors.Is. An *Error lists at
// most [MaxProblems] problems and counts the rest in one last problem with
// code [CodeMore]; readers collect with [Problems], which keeps no more
// than that in memory, however hostile the input. [Problem.In] renders one
// problem on one line, with control characters escaped.
//
// # Free text
//
// Free text may not hold characters that change how the text around it is
// shown: [LinePattern] and [TextPattern] are the JSON Schema patterns of
// one-line and multi-line fields, [CheckLine], [CheckText] and
// [FirstRefused] the same rule in Go, and [Printable] escapes those
// characters in text on its way to a terminal.
//
// # Dates
//
// [Date] is a civil date written strictly as YYYY-MM-DD; [ParseDate]
// refuses dates that do not exist, such as 2025-02-30.
package norm
