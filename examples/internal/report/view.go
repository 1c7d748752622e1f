package report

import (
	"github.com/goedgesprek/goedgesprek/norm"
)

// View is what every renderer shows: the report flattened into strings in
// one language, so that text, Markdown and HTML say the same thing.
type View struct {
	Lang         norm.Lang
	L            Labels
	Org          string
	OrgKind      string
	OrgSize      string // "420 medewerkers met klantcontact, 36 leidinggevenden"
	Date         string
	Assessor     string
	Score        string // to one decimal
	Rating       string // green, amber, red
	RatingLabel  string
	RatingReason string
	Completeness int // percent of criteria answered
	Items        []ItemView
	VPT          []PrincipleView
	PC           []PrincipleView
	Findings     []FindingView
	Measured     *MeasuredView
	Norm         *NormView   // the norm document, with evaluate -norm
	Policy       string      // the catalogue version and the weights and thresholds applied, in one line
	Survey       *SurveyView // the employee survey, when given
}

// ItemView is one of the 14 items with its criteria.
type ItemView struct {
	ID          string
	Title       string
	Score       string  // to one decimal
	ScoreN      float64 // for the chart
	Result      string  // met, partially_met, not_met, not_applicable, unanswered
	ResultLabel string
	Mark        string
	Criteria    []CriterionView
}

// CriterionView is one criterion's result and explanation.
type CriterionView struct {
	ID          string
	Result      string
	ResultLabel string
	Mark        string
	Explanation string
}

// PrincipleView is one principle and how much of it the answers cover.
type PrincipleView struct {
	ID       string
	Title    string
	Coverage int // percent
}

// FindingView is one finding, numbered, with its source and next step.
type FindingView struct {
	N         int
	Code      string
	Criterion string
	Pointer   string
	Message   string
	Source    string // the document in full, the place in it and the principles
	Short     string // the same, short, for the text report
	NextStep  string
	Critical  bool
}

// MeasuredView is the follow-up measured in the register, shown next to
// the claims it was checked against.
type MeasuredView struct {
	Origin    string // the file it came from (base name)
	Period    string // the incidents counted: their dates, first and last day included
	At        string
	Incidents int
	Rows      []MeasuredRow
	Overdue   int
}

// MeasuredRow is one measured share beside the claim it was checked against.
type MeasuredRow struct {
	Label     string
	Num       int
	Den       int
	Percent   int
	Known     bool
	Claimed   string // the claimed percentage, when a criterion claims it
	Criterion string // that criterion
	Result    string // the criterion's result with the measured figure
	Mark      string
}

// Labels are the words of the example programs themselves; the words of the
// method (item titles, results, findings) come from the library.
type Labels struct {
	Title, Organisation, Date, Assessor, Score, Rating, Reason, Completeness string
	Answered, Checklist, Item, Result, Principles, VPT, PC, Coverage         string
	Findings, NextStep, Source, Pointer, Criterion, NoFindings, More         string
	Measured, MeasuredFrom, Incidents, Overdue, At, Reactions48h, Police     string
	Aftercare, FollowUp, CauseAnalysis, Unknown, Legend, ItemScores          string
	Generated, Of, Claimed, MeasuredCol, Critical, Employees, Managers       string
	Period                                                                   string
}

var labelsNL = Labels{
	Title:         "Goed gesprek – zelfevaluatie",
	Organisation:  "Organisatie",
	Date:          "Peildatum",
	Assessor:      "Ingevuld door",
	Score:         "Score",
	Rating:        "Oordeel",
	Reason:        "Waarom",
	Completeness:  "Volledigheid",
	Answered:      "van de criteria beantwoord",
	Checklist:     "De 14 punten van de checklist",
	Item:          "Punt",
	Result:        "Resultaat",
	Principles:    "Principes",
	VPT:           "Veilige Publieke Taak (VPT1..VPT8)",
	PC:            "Prettig contact met de overheid (PC1..PC10)",
	Coverage:      "Dekking",
	Findings:      "Bevindingen",
	NextStep:      "Volgende stap",
	Source:        "Bron",
	Pointer:       "Antwoord",
	Criterion:     "Criterium",
	NoFindings:    "Geen bevindingen.",
	More:          "en nog %d bevindingen (alle bevindingen: -format html of -format json)",
	Measured:      "Gemeten in het incidentregister",
	MeasuredFrom:  "Bron",
	Incidents:     "Incidenten",
	Overdue:       "Openstaande acties over de termijn",
	At:            "Peilmoment",
	Period:        "Periode",
	Reactions48h:  "Reactie op de dader binnen 48 uur",
	Police:        "Aangifte",
	Aftercare:     "Nazorg op tijd",
	FollowUp:      "Nazorg ook later (na weken)",
	CauseAnalysis: "Oorzaakanalyse",
	Unknown:       "niets te meten",
	Legend:        "Legenda",
	ItemScores:    "Score per punt",
	Generated:     "Gemaakt met goedgesprek",
	Of:            "van",
	Claimed:       "geclaimd",
	MeasuredCol:   "gemeten",
	Critical:      "kritiek",
	Employees:     "met klantcontact",
	Managers:      "leidinggevenden",
}

var labelsEN = Labels{
	Title:         "Goed gesprek – self-assessment",
	Organisation:  "Organisation",
	Date:          "Reference date",
	Assessor:      "Completed by",
	Score:         "Score",
	Rating:        "Rating",
	Reason:        "Why",
	Completeness:  "Completeness",
	Answered:      "of the criteria answered",
	Checklist:     "The 14 items of the checklist",
	Item:          "Item",
	Result:        "Result",
	Principles:    "Principles",
	VPT:           "Veilige Publieke Taak (VPT1..VPT8)",
	PC:            "Prettig contact met de overheid (PC1..PC10)",
	Coverage:      "Coverage",
	Findings:      "Findings",
	NextStep:      "Next step",
	Source:        "Source",
	Pointer:       "Answer",
	Criterion:     "Criterion",
	NoFindings:    "No findings.",
	More:          "and %d more findings (all of them: -format html or -format json)",
	Measured:      "Measured in the incident register",
	MeasuredFrom:  "Source",
	Incidents:     "Incidents",
	Overdue:       "Open actions past their deadline",
	At:            "Reference time",
	Period:        "Period",
	Reactions48h:  "Reaction to perpetrator within 48 h",
	Police:        "Police report",
	Aftercare:     "Aftercare on time",
	FollowUp:      "Aftercare also later (after weeks)",
	CauseAnalysis: "Cause analysis",
	Unknown:       "nothing to measure",
	Legend:        "Legend",
	ItemScores:    "Score per item",
	Generated:     "Made with goedgesprek",
	Of:            "of",
	Claimed:       "claimed",
	MeasuredCol:   "measured",
	Critical:      "critical",
	Employees:     "client-facing",
	Managers:      "managers",
}

// LabelsFor returns the labels in a language; anything but English gives Dutch.
func LabelsFor(l norm.Lang) Labels {
	if l == norm.EN {
		return labelsEN
	}
	return labelsNL
}

// Marks are the result marks of the text and Markdown tables: one
// narrow character each, so that columns stay aligned.
var Marks = map[string]string{
	"met":            "✓",
	"partially_met":  "±",
	"not_met":        "✗",
	"not_applicable": "–",
	"unanswered":     "?",
}

// Colours of the results and ratings in the HTML report.
var Colours = map[string]string{
	"met":            "#2e7d32",
	"partially_met":  "#a65300",
	"not_met":        "#c62828",
	"not_applicable": "#9e9e9e",
	"unanswered":     "#616161",
	"green":          "#2e7d32",
	"amber":          "#a65300",
	"red":            "#c62828",
}
