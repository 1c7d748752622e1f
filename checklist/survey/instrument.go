package survey

import (
	"slices"

	"github.com/goedgesprek/goedgesprek/norm"
)

// QuestionID identifies a question of the instrument, e.g. "knows_norm".
// It keys a response's answers and names a column of a responses CSV. An
// ID is never renamed or reused; new questions are appended.
type QuestionID string

// Theme is a theme of the pilot's questionnaire (seed 001, 4.2.1-4.2.5).
type Theme string

// The themes, in the order of seed 001, section 4.2.
const (
	ThemeExposure   Theme = "exposure"   // 4.2.1: met aggression in the last year
	ThemePolicy     Theme = "policy"     // 4.2.2: knowing the policy and the procedures
	ThemeSafety     Theme = "safety"     // 4.2.3: feeling safe and how work feels
	ThemeManagement Theme = "management" // 4.2.4: backing by management
	ThemeTraining   Theme = "training"   // 4.2.5: training and information
)

var themes = []Theme{ThemeExposure, ThemePolicy, ThemeSafety, ThemeManagement, ThemeTraining}

var themeTitles = map[Theme]norm.Text{
	ThemeExposure:   norm.T("Confrontatie met agressie", "Exposure to aggression"),
	ThemePolicy:     norm.T("Bekendheid met beleid en procedures", "Knowing the policy and procedures"),
	ThemeSafety:     norm.T("Veiligheidsgevoel en werkbeleving", "Feeling safe at work"),
	ThemeManagement: norm.T("Steun van het management", "Backing by management"),
	ThemeTraining:   norm.T("Opleiding, training en voorlichting", "Training and information"),
}

// Themes lists the themes in questionnaire order.
func Themes() []Theme { return slices.Clone(themes) }

// Title is the theme's title in both languages.
func (t Theme) Title() norm.Text { return themeTitles[t] }

// MarshalText implements encoding.TextMarshaler.
func (t Theme) MarshalText() ([]byte, error) { return norm.MarshalCode("theme", t, themes) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Theme) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("theme", string(b), themes)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Scale is the answer scale of a question.
type Scale string

// The answer scales and which answers count as positive (the share a
// figure reports).
const (
	// ScaleYesNo: "yes" or "no"; yes is positive.
	ScaleYesNo Scale = "yes_no"
	// ScaleKnow: "no", "partly" or "fully"; partly and fully are
	// positive, as the pilot counted knowing "partly or fully".
	ScaleKnow Scale = "know"
	// ScaleAgree6: 1 (not at all) to 6 (completely), as the pilot asked
	// about feeling safe; 4, 5 and 6 are positive.
	ScaleAgree6 Scale = "agree_1_6"
)

var scales = []Scale{ScaleYesNo, ScaleKnow, ScaleAgree6}

// MarshalText implements encoding.TextMarshaler.
func (s Scale) MarshalText() ([]byte, error) { return norm.MarshalCode("scale", s, scales) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Scale) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("scale", string(b), scales)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Agree6Positive is the lowest answer on ScaleAgree6 that counts as
// positive.
const Agree6Positive = 4

// Option is one answer of a coded scale.
type Option struct {
	Code     string    `json:"code"`
	Label    norm.Text `json:"label"`
	Positive bool      `json:"positive"`
}

var scaleOptions = map[Scale][]Option{
	ScaleYesNo: {
		{Code: "yes", Label: norm.T("ja", "yes"), Positive: true},
		{Code: "no", Label: norm.T("nee", "no")},
	},
	ScaleKnow: {
		{Code: "no", Label: norm.T("nee", "no")},
		{Code: "partly", Label: norm.T("gedeeltelijk", "partly"), Positive: true},
		{Code: "fully", Label: norm.T("volledig", "fully"), Positive: true},
	},
}

// Options returns the coded answers of the scale; nil for ScaleAgree6,
// whose answers are the whole numbers 1 to 6.
func (s Scale) Options() []Option { return slices.Clone(scaleOptions[s]) }

// Pilot is what the IND pilot measured for a question: the share of
// positive answers, in percent, at its 0-measurement (before the rollout)
// and its 1-measurement (after it), among its 40 participants (seed 001,
// 3.2 and 4.2).
type Pilot struct {
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// PilotRespondents is the number of pilot participants who took the
// survey both times (seed 001, 3.2).
const PilotRespondents = 40

// Question is one question of the survey instrument.
type Question struct {
	ID     QuestionID  `json:"id"`
	Theme  Theme       `json:"theme"`
	Text   norm.Text   `json:"text"`
	Short  norm.Text   `json:"short"` // a label for tables
	Scale  Scale       `json:"scale"`
	Source norm.Source `json:"source"`
	Pilot  Pilot       `json:"pilot"`
	// HigherIsBetter is false for questions about aggression met, fear
	// and complaints, where a falling share is the improvement.
	HigherIsBetter bool `json:"higher_is_better"`
	// Criteria are the checklist criteria (by ID, e.g. "GG11-3") whose
	// claimed percentage this question measures; a survey round decides
	// them (checklist.WithSurvey). A test in package checklist checks
	// that each names a percentage criterion.
	Criteria []string `json:"criteria,omitempty"`
}

func src(sec string) norm.Source { return norm.Source{Seed: "001", Section: sec} }

// The questions, in questionnaire order. Wording is the project's own; the
// figures are the pilot's (seed 001, 4.2).
var questions = []Question{
	// 4.2.1: exposure in the last twelve months.
	{ID: "exposed_verbal", Theme: ThemeExposure, Scale: ScaleYesNo, Source: src("4.2.1"), Pilot: Pilot{50, 47},
		Text:  norm.T("Heeft u de afgelopen twaalf maanden in uw werk verbale agressie meegemaakt, zoals schelden, schreeuwen, kleineren of treiteren?", "In the past twelve months, did you meet verbal aggression at work, such as swearing, shouting, belittling or taunting?"),
		Short: norm.T("Verbale agressie meegemaakt", "Met verbal aggression")},
	{ID: "exposed_threats", Theme: ThemeExposure, Scale: ScaleYesNo, Source: src("4.2.1"), Pilot: Pilot{36, 19},
		Text:  norm.T("Bent u de afgelopen twaalf maanden in uw werk bedreigd of geïntimideerd, bijvoorbeeld onder druk gezet, gechanteerd of gestalkt?", "In the past twelve months, were you threatened or intimidated at work, for example pressured, blackmailed or stalked?"),
		Short: norm.T("Bedreiging of intimidatie", "Threats or intimidation")},
	{ID: "exposed_sexual", Theme: ThemeExposure, Scale: ScaleYesNo, Source: src("4.2.1"), Pilot: Pilot{18, 10},
		Text:  norm.T("Heeft u de afgelopen twaalf maanden in uw werk seksuele intimidatie of discriminatie meegemaakt?", "In the past twelve months, did you meet sexual harassment or discrimination at work?"),
		Short: norm.T("Seksuele intimidatie of discriminatie", "Sexual harassment or discrimination")},
	{ID: "exposed_physical", Theme: ThemeExposure, Scale: ScaleYesNo, Source: src("4.2.1"), Pilot: Pilot{4, 0},
		Text:  norm.T("Heeft u de afgelopen twaalf maanden in uw werk fysiek geweld meegemaakt, zoals duwen, slaan of schoppen?", "In the past twelve months, did you meet physical violence at work, such as pushing, hitting or kicking?"),
		Short: norm.T("Fysieke agressie", "Physical aggression")},

	// 4.2.2: knowing the policy and the procedures.
	{ID: "knows_house_rules", Theme: ThemePolicy, Scale: ScaleYesNo, Source: src("4.2.2"), Pilot: Pilot{24, 57}, HigherIsBetter: true,
		Text:  norm.T("Heeft de organisatie duidelijke huisregels waar bezoekers zich aan moeten houden?", "Does the organisation have clear house rules that visitors must keep to?"),
		Short: norm.T("Kent de huisregels", "Knows the house rules")},
	{ID: "knows_incident_agreements", Theme: ThemePolicy, Scale: ScaleKnow, Source: src("4.2.2"), Pilot: Pilot{34, 78}, HigherIsBetter: true,
		Text:  norm.T("Weet u wat er is afgesproken over wat u doet vóór, tijdens en na een incident met agressie?", "Do you know what has been agreed about what you do before, during and after an incident of aggression?"),
		Short: norm.T("Kent de afspraken rond een incident", "Knows the incident agreements")},
	{ID: "knows_norm", Theme: ThemePolicy, Scale: ScaleKnow, Source: src("4.2.2"), Pilot: Pilot{34, 71}, HigherIsBetter: true, Criteria: []string{"GG11-3"},
		Text:  norm.T("Kent u de norm van de organisatie die beschrijft welk gedrag als agressie geldt?", "Do you know the organisation's norm that describes which behaviour counts as aggression?"),
		Short: norm.T("Kent de norm", "Knows the norm")},
	{ID: "knows_to_report", Theme: ThemePolicy, Scale: ScaleYesNo, Source: src("4.2.2"), Pilot: Pilot{93, 93}, HigherIsBetter: true, Criteria: []string{"GG05-2"},
		Text:  norm.T("Weet u dat u elk incident met agressie moet melden?", "Do you know that you must report every incident of aggression?"),
		Short: norm.T("Weet dat melden moet", "Knows to report")},
	{ID: "knows_register_kept", Theme: ThemePolicy, Scale: ScaleYesNo, Source: src("4.2.2"), Pilot: Pilot{65, 65}, HigherIsBetter: true,
		Text:  norm.T("Houdt de organisatie bij hoeveel incidenten er worden gemeld?", "Does the organisation keep track of how many incidents are reported?"),
		Short: norm.T("Weet dat meldingen worden bijgehouden", "Knows reports are tracked")},

	// 4.2.3: feeling safe, on the pilot's scale of 1 to 6.
	{ID: "feels_safe", Theme: ThemeSafety, Scale: ScaleAgree6, Source: src("4.2.3"), Pilot: Pilot{82, 96}, HigherIsBetter: true,
		Text:  norm.T("Ik voel me over het algemeen veilig tijdens mijn werk (1 = helemaal niet, 6 = helemaal).", "In general I feel safe while I work (1 = not at all, 6 = completely)."),
		Short: norm.T("Voelt zich veilig", "Feels safe")},
	{ID: "fears_aggression", Theme: ThemeSafety, Scale: ScaleAgree6, Source: src("4.2.3"), Pilot: Pilot{17, 10},
		Text:  norm.T("Ik ben bang om tijdens mijn werk met agressie te maken te krijgen (1 = helemaal niet, 6 = helemaal).", "I am afraid of meeting aggression while I work (1 = not at all, 6 = completely)."),
		Short: norm.T("Is bang voor agressie", "Fears aggression")},
	{ID: "has_complaints", Theme: ThemeSafety, Scale: ScaleYesNo, Source: src("4.2.3"), Pilot: Pilot{4, 0},
		Text:  norm.T("Heeft u door agressie van buitenaf psychische of lichamelijke klachten, zoals slecht slapen, prikkelbaarheid of uitputting?", "Does aggression from outside give you mental or physical complaints, such as poor sleep, irritability or exhaustion?"),
		Short: norm.T("Klachten door agressie", "Complaints from aggression")},

	// 4.2.4: backing by management.
	{ID: "backed_by_manager", Theme: ThemeManagement, Scale: ScaleYesNo, Source: src("4.2.4"), Pilot: Pilot{61, 96}, HigherIsBetter: true, Criteria: []string{"GG03-3"},
		Text:  norm.T("Voelt u zich door uw direct leidinggevende gesteund om een grens te stellen aan agressie?", "Do you feel backed by your direct manager to set a limit to aggression?"),
		Short: norm.T("Voelt zich gesteund door leidinggevende", "Feels backed by manager")},
	{ID: "discussed_in_team", Theme: ThemeManagement, Scale: ScaleYesNo, Source: src("4.2.4"), Pilot: Pilot{37, 55}, HigherIsBetter: true,
		Text:  norm.T("Komen agressie en incidenten aan bod in het werkoverleg?", "Are aggression and incidents discussed in team meetings?"),
		Short: norm.T("Agressie besproken in werkoverleg", "Discussed in team meetings")},
	{ID: "manager_aftercare", Theme: ThemeManagement, Scale: ScaleYesNo, Source: src("4.2.4"), Pilot: Pilot{30, 55}, HigherIsBetter: true,
		Text:  norm.T("Heeft uw direct leidinggevende aandacht voor nazorg, direct na een incident en ook in de tijd daarna?", "Does your direct manager pay attention to aftercare, straight after an incident and in the time after it?"),
		Short: norm.T("Leidinggevende let op nazorg", "Manager attends to aftercare")},
	{ID: "police_report_made", Theme: ThemeManagement, Scale: ScaleYesNo, Source: src("4.2.4"), Pilot: Pilot{33, 65}, HigherIsBetter: true,
		Text:  norm.T("Doet de organisatie na een incident met agressie aangifte bij de politie?", "Does the organisation report an incident of aggression to the police?"),
		Short: norm.T("Organisatie doet aangifte", "Organisation reports to police")},

	// 4.2.5: training and information.
	{ID: "training_covered", Theme: ThemeTraining, Scale: ScaleYesNo, Source: src("4.2.5"), Pilot: Pilot{66, 100}, HigherIsBetter: true,
		Text:  norm.T("Kwam agressie aan bod in een opleiding of training die u volgde?", "Did a course or training you followed cover aggression?"),
		Short: norm.T("Training behandelde agressie", "Training covered aggression")},
	{ID: "knows_deescalation", Theme: ThemeTraining, Scale: ScaleYesNo, Source: src("4.2.5"), Pilot: Pilot{80, 100}, HigherIsBetter: true,
		Text:  norm.T("Weet u wat u doet om te voorkomen dat een gesprek escaleert?", "Do you know what to do to keep a conversation from escalating?"),
		Short: norm.T("Weet escalatie te voorkomen", "Knows how to de-escalate")},
	{ID: "knows_call_help", Theme: ThemeTraining, Scale: ScaleYesNo, Source: src("4.2.5"), Pilot: Pilot{70, 96}, HigherIsBetter: true,
		Text:  norm.T("Weet u hoe u hulp inschakelt als een gesprek uit de hand loopt?", "Do you know how to call for help when a conversation gets out of hand?"),
		Short: norm.T("Weet hulp in te schakelen", "Knows how to call for help")},
}

var questionIdx = func() map[QuestionID]int {
	m := make(map[QuestionID]int, len(questions))
	for i, q := range questions {
		m[q.ID] = i
	}
	return m
}()

func (q Question) clone() Question {
	q.Criteria = slices.Clone(q.Criteria)
	return q
}

// Questions returns the instrument's questions in questionnaire order, as
// copies.
func Questions() []Question {
	out := make([]Question, len(questions))
	for i, q := range questions {
		out[i] = q.clone()
	}
	return out
}

// Lookup returns the question with the ID, as a copy.
func Lookup(id QuestionID) (Question, bool) {
	i, ok := questionIdx[id]
	if !ok {
		return Question{}, false
	}
	return questions[i].clone(), true
}

// ForCriterion returns the question that measures a checklist criterion
// (by ID, e.g. "GG11-3"), if there is one.
func ForCriterion(criterion string) (Question, bool) {
	for _, q := range questions {
		if slices.Contains(q.Criteria, criterion) {
			return q.clone(), true
		}
	}
	return Question{}, false
}

// positive reports whether an answer counts towards the question's share.
func (q *Question) positive(a Answer) bool {
	if q.Scale == ScaleAgree6 {
		return a.level >= Agree6Positive
	}
	for _, o := range scaleOptions[q.Scale] {
		if o.Code == a.code {
			return o.Positive
		}
	}
	return false
}
