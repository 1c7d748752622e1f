package checklist

import (
	"time"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// ReportVersion is the version of the Report's JSON layout. Field names
// are a contract: new fields may be added, existing ones never renamed.
const ReportVersion = "1"

// CatalogueVersion names the state of the catalogue an evaluation applies:
// its criteria, rules, default weights and thresholds, and the rating
// bounds. It changes whenever any of them changes (a test pins it to a
// fingerprint of the catalogue), so that a report from last year can be
// told apart from one computed with today's rules. It is a date: the day
// the catalogue took this form.
const CatalogueVersion = "2026-12-02"

// Rating is the traffic light of the whole assessment.
type Rating string

// The ratings.
const (
	Green Rating = "green"
	Amber Rating = "amber"
	Red   Rating = "red"
)

var ratings = []Rating{Green, Amber, Red}

// MarshalText implements encoding.TextMarshaler.
func (r Rating) MarshalText() ([]byte, error) { return norm.MarshalCode("rating", r, ratings) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rating) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("rating", string(b), ratings)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// RatingRule names the rule that produced the rating.
type RatingRule string

// The rating rules, checked in this order.
const (
	RatingScoreRed   RatingRule = "score_below_amber"  // score < 55: red
	RatingCapped     RatingRule = "capped_by_critical" // score >= 80, but a critical criterion is not fully met: amber
	RatingScoreGreen RatingRule = "score_green"        // score >= 80 and every critical criterion met (or not applicable): green
	RatingScoreAmber RatingRule = "score_amber"        // 55 <= score < 80: amber
)

var ratingRules = []RatingRule{RatingScoreRed, RatingCapped, RatingScoreGreen, RatingScoreAmber}

// MarshalText implements encoding.TextMarshaler.
func (r RatingRule) MarshalText() ([]byte, error) {
	return norm.MarshalCode("rating rule", r, ratingRules)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *RatingRule) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("rating rule", string(b), ratingRules)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// FindingCode is the stable code of a finding. New codes are appended.
type FindingCode string

// The finding codes. Their order here is the tie-break order of findings
// with the same stake.
const (
	FindingCriticalNotMet  FindingCode = "critical_not_met"           // a critical criterion not met or unanswered: caps the rating
	FindingMeasured        FindingCode = "measured_contradicts_claim" // measured data give another result than the claim
	FindingNotMet          FindingCode = "criterion_not_met"          // a criterion not met
	FindingUnanswered      FindingCode = "unanswered"                 // a criterion without an answer
	FindingPartiallyMet    FindingCode = "criterion_partially_met"    // a criterion partly met
	FindingEvidenceMissing FindingCode = "evidence_missing"           // a positive claim without the expected evidence
	FindingEvidenceStale   FindingCode = "evidence_stale"             // the newest evidence is older than the policy allows
	FindingDocument        FindingCode = "document_contradicts_claim" // the norm document gives another answer than the claim (WithNorm)
	findingCodeCount                   = 8
)

var findingCodes = []FindingCode{FindingCriticalNotMet, FindingMeasured, FindingNotMet, FindingUnanswered, FindingPartiallyMet, FindingEvidenceMissing, FindingEvidenceStale, FindingDocument}

// FindingCodes lists every finding code in tie-break order.
func FindingCodes() []FindingCode { return append([]FindingCode(nil), findingCodes...) }

func (c FindingCode) rank() int {
	for i, x := range findingCodes {
		if x == c {
			return i
		}
	}
	return len(findingCodes)
}

// MarshalText implements encoding.TextMarshaler.
func (c FindingCode) MarshalText() ([]byte, error) {
	return norm.MarshalCode("finding", c, findingCodes)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *FindingCode) UnmarshalText(b []byte) error {
	v, err := parseFindingCode(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Report is the outcome of Evaluate: the score, the rating and the reason
// for it, every item and criterion with its explanation, the coverage of
// the principles, and the findings. Its JSON names are stable snake_case;
// texts are in the report's Language.
type Report struct {
	Version        string       `json:"version"` // ReportVersion
	Organisation   Organisation `json:"organisation"`
	AssessmentDate norm.Date    `json:"assessment_date"`
	Language       norm.Lang    `json:"language"`

	// Score is the weighted mean of the item scores, 0-100, to one decimal.
	Score        float64    `json:"score"`
	Rating       Rating     `json:"rating"`
	RatingRule   RatingRule `json:"rating_rule"`
	RatingReason string     `json:"rating_reason"`
	// CappedBy lists the critical criteria that are not fully met (partially
	// met, not met or unanswered), in checklist order; any of them keeps
	// the rating from green.
	CappedBy []CriterionID `json:"capped_by,omitempty"`

	// Completeness is the share of criteria answered, 0-1.
	Completeness  float64 `json:"completeness"`
	Answered      int     `json:"answered"`
	CriteriaTotal int     `json:"criteria_total"`

	Items      []ItemReport      `json:"items"`      // GG01..GG14
	Principles []PrincipleReport `json:"principles"` // VPT1..VPT8, PC1..PC10
	Findings   []Finding         `json:"findings"`   // by stake, see the package docs

	Policy   Policy    `json:"policy"`
	Measured *Measured `json:"measured,omitempty"` // the measured data used, when given
	Norm     *NormUsed `json:"norm,omitempty"`     // the norm document used, when given
	// Survey is the employee survey used, when given (WithSurvey).
	Survey *SurveyReport `json:"survey,omitempty"`
}

// ItemReport is one item in the report.
type ItemReport struct {
	ID         ItemID             `json:"id"`
	Title      string             `json:"title"`
	Weight     float64            `json:"weight"`
	Score      float64            `json:"score"` // 0-100, to one decimal; 0 when not applicable
	Result     Result             `json:"result"`
	Principles []norm.PrincipleID `json:"principles"`
	Criteria   []CriterionReport  `json:"criteria"`
}

// CriterionReport is one criterion in the report.
type CriterionReport struct {
	ID          CriterionID `json:"id"`
	Result      Result      `json:"result"`
	Explanation string      `json:"explanation"` // quotes the answer and the threshold
	Answer      Value       `json:"answer,omitzero"`
	Weight      float64     `json:"weight"` // the weight applied within the item (the catalogue's, or an override)
	// Threshold is the threshold applied, for rules that use one (the
	// catalogue's, or an override): with Weight, what an auditor needs to
	// re-run the report.
	Threshold *Threshold `json:"threshold,omitempty"`
	Critical  bool       `json:"critical,omitempty"`
	Evidence  int        `json:"evidence,omitempty"` // number of evidence documents given
	// Measured is the measured figure that decided the result, if any.
	Measured *MeasuredFigure `json:"measured,omitempty"`
	// Derived is the answer the norm document gave, which decided the
	// result instead of Answer, the claim (see WithNorm).
	Derived *Derived `json:"derived,omitempty"`
}

// MeasuredFigure is a measured share set beside a claim.
type MeasuredFigure struct {
	Share   MeasuredShare `json:"share"`
	Num     int           `json:"num"`
	Den     int           `json:"den"`
	Percent float64       `json:"percent"` // to one decimal
	Claimed float64       `json:"claimed"` // the claimed percentage
	// For a survey figure (Share MeasuredSurvey): the question and the
	// 95% Wilson interval of Percent.
	Question survey.QuestionID `json:"question,omitempty"`
	Low      float64           `json:"low,omitempty"`
	High     float64           `json:"high,omitempty"`
}

// PrincipleReport is how far the assessment covers one principle.
type PrincipleReport struct {
	ID    norm.PrincipleID `json:"id"`
	Title string           `json:"title"`
	// Coverage is the weighted mean of the criteria that serve the
	// principle (met 1, partially met 0.5, otherwise 0; not applicable left
	// out), 0-1 to three decimals.
	Coverage float64 `json:"coverage"`
	Criteria int     `json:"criteria"` // how many criteria serve it
}

// Finding is one thing the assessment should act on.
type Finding struct {
	Code      FindingCode   `json:"code"`
	Criterion CriterionID   `json:"criterion"`
	Pointer   string        `json:"pointer"` // JSON pointer of the answer, e.g. "/answers/GG01-1"
	Message   string        `json:"message"`
	Source    FindingSource `json:"source"`
	NextStep  string        `json:"next_step"`
	// Stake is the points of the overall score (0-100) that hang on the
	// criterion: what it could still add, or for an evidence finding what
	// the claim is worth.
	Stake    float64 `json:"stake"`
	Critical bool    `json:"critical,omitempty"`
}

// FindingSource is what a finding rests on: the item, its place in the
// source document, and the principles the criterion serves.
type FindingSource struct {
	Item       ItemID             `json:"item"`
	Document   norm.Source        `json:"document"`
	Principles []norm.PrincipleID `json:"principles"`
}

// Policy records the settings the evaluation used. The weights and
// thresholds applied are in the report beside what they apply to: every
// item's Weight, every criterion's Weight and Threshold.
type Policy struct {
	// Catalogue is the CatalogueVersion the report was computed with.
	Catalogue string `json:"catalogue"`
	// GreenFrom and AmberFrom are the rating bounds applied to the score.
	GreenFrom            float64 `json:"green_from"`
	AmberFrom            float64 `json:"amber_from"`
	MaxEvidenceAgeMonths int     `json:"max_evidence_age_months"`
	// Overrides lists the criteria whose weight or threshold an option
	// changed, in checklist order.
	Overrides []CriterionID `json:"overrides,omitempty"`
	// ItemWeights is set when WithWeights changed any item weight.
	ItemWeights bool `json:"item_weights_overridden,omitempty"`
}

// Measured is the measured data the evaluation used (see WithMeasured).
type Measured struct {
	Incidents int       `json:"incidents"`
	At        time.Time `json:"at"`
	// Period is the period whose incidents were counted: the twelve
	// months up to and including the assessment date.
	Period          followup.Period `json:"period"`
	Reactions48h    followup.Share  `json:"reactions_48h"`
	AftercareOnTime followup.Share  `json:"aftercare_on_time"`
	CauseAnalysis   followup.Share  `json:"cause_analysis"`
	PoliceReports   followup.Share  `json:"police_reports"`
	FollowUpContact followup.Share  `json:"follow_up_contact"`
}
