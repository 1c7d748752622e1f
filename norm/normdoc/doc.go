// Package normdoc is the document in which an organisation writes down its
// own norm: its house rules against aggression ([norm.OrgNorm]: the
// behaviours it does not accept, its own extra behaviours with their
// category, where it shows the norm, the sanctions per step) and, beside
// it, its service norm ([norm.ServiceNorm]: turnaround times,
// reachability, how clients are treated).
//
// Een organisatie legt in één document haar eigen norm vast: de huisregels
// tegen agressie en, ernaast, de servicenorm. Dit pakket levert het type,
// het JSON Schema in het Nederlands en het Engels (2020-12 en draft-07) en
// een strenge decoder.
//
// # One document for both norms
//
// The two norms answer checklist items that belong together (GG09 the
// service norm, GG11 the norm of unacceptable behaviour), are usually
// adopted together and shown in the same places (the house rules at the
// desk, the website), and are checked against one assessment. One
// [Document] therefore holds both; the service norm is optional, so that
// an organisation without one can still hand in its house rules, and the
// evaluator then leaves GG09 to the self-assessment.
//
// # Where it lives
//
// Package norm holds the vocabulary and may depend on nothing else in the
// module; the decoder needs [form], which itself imports norm. So the
// document lives in this subpackage of norm: the incident register (which
// uses norm) and the checklist (which reads the document in
// checklist.WithNorm) can both use it.
//
// # Decoding
//
// [Decode] and [DecodeBytes] read a document as strictly as
// checklist.DecodeAssessment reads a self-assessment: within size and
// depth limits, no key twice, no unknown field, valid against the 2020-12
// schema of [Schema], then the checks of [norm.OrgNorm.Validate] and
// [norm.ServiceNorm.Validate] that no schema expresses (repeated codes,
// an extra behaviour that is a catalogue code, steps out of order). Every
// problem comes back in one *[norm.Error] with the JSON pointer of its
// value and a message in Dutch and English; nothing is half-decoded.
package normdoc
