package checklist

import (
	"math"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// maxCount limits count answers beyond the type's own range: larger values
// are typing errors, not claims.
const maxCount = 1_000_000

// lang index into the tables below: 0 Dutch, 1 English.
func langIndex(l norm.Lang) int {
	if l == norm.EN {
		return 1
	}
	return 0
}

var resultWords = [2][5]string{
	{"voldaan", "deels voldaan", "niet voldaan", "niet van toepassing", "niet beantwoord"},
	{"met", "partially met", "not met", "not applicable", "not answered"},
}

func resultRank(r Result) int {
	switch r {
	case Met:
		return 0
	case PartiallyMet:
		return 1
	case NotMet:
		return 2
	case NotApplicable:
		return 3
	}
	return 4
}

func resultWord(r Result, li int) string { return resultWords[li][resultRank(r)] }

// points is what a result adds to a score: met 1, partially met 0.5,
// otherwise 0.
func points(r Result) float64 {
	switch r {
	case Met:
		return 1
	case PartiallyMet:
		return 0.5
	}
	return 0
}

// checkValue validates v against c and appends what is wrong. at is the
// assessment date (zero when that is itself invalid: then date answers are
// not compared with it).
func checkValue(c *Criterion, v Value, at norm.Date, ps []norm.Problem) []norm.Problem {
	ptr := func(extra ...string) string {
		return norm.Pointer(append([]string{"answers", string(c.ID), "value"}, extra...)...)
	}
	wrongType := func(nl, en string) []norm.Problem {
		return append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeType, Message: norm.T(
			string(c.ID)+" verwacht "+nl, string(c.ID)+" expects "+en)})
	}
	switch c.Type {
	case TypeBool:
		if v.kind != KindBool {
			return wrongType("true of false", "true or false")
		}
	case TypeChoice:
		if v.kind != KindString {
			return wrongType("een optiecode (tekst)", "an option code (string)")
		}
		if _, ok := c.OptionByCode(v.s); !ok {
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeEnum, Message: enumMessage(c, v.s)})
		}
	case TypeMulti:
		if v.kind != KindList {
			return wrongType("een lijst van optiecodes", "a list of option codes")
		}
		for i, s := range v.list {
			if _, ok := c.OptionByCode(s); !ok {
				ps = append(ps, norm.Problem{Pointer: ptr(strconv.Itoa(i)), Code: norm.CodeEnum, Message: enumMessage(c, s)})
				continue
			}
			for _, t := range v.list[:i] {
				if t == s {
					ps = append(ps, norm.Problem{Pointer: ptr(strconv.Itoa(i)), Code: norm.CodeDuplicate, Message: norm.Textf(
						"optie %q staat er twee keer in", "option %q is listed twice", s)})
					break
				}
			}
		}
	case TypePercent:
		if v.kind != KindNumber {
			return wrongType("een percentage (getal 0-100)", "a percentage (number 0-100)")
		}
		if !(v.n >= 0 && v.n <= 100) {
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeRange, Message: norm.Textf(
				"een percentage ligt tussen 0 en 100, niet %s", "a percentage lies between 0 and 100, not %s", v.String())})
		}
	case TypeCount:
		if v.kind != KindNumber {
			return wrongType("een geheel getal >= 0", "a whole number >= 0")
		}
		limit := float64(maxCount)
		switch {
		case math.IsNaN(v.n) || math.IsInf(v.n, 0):
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeRange, Message: norm.T("geen eindig getal", "not a finite number")})
		case v.n != math.Trunc(v.n):
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeType, Message: norm.Textf(
				"%s verwacht een geheel getal, niet %s", "%s expects a whole number, not %s", string(c.ID), v.String())})
		case v.n < 0 || v.n > limit:
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeRange, Message: norm.Textf(
				"verwacht 0 tot en met %v, niet %s", "expects 0 to %v inclusive, not %s", limit, v.String())})
		}
	case TypeDate:
		if v.kind != KindString {
			return wrongType("een datum JJJJ-MM-DD", "a date YYYY-MM-DD")
		}
		d, err := norm.ParseDate(v.s)
		switch {
		case err != nil:
			code := norm.CodeDate
			if !norm.DateShaped(v.s) {
				code = norm.CodeFormat
			}
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: code, Message: norm.Textf(
				"geen bestaande datum JJJJ-MM-DD: %q", "not an existing date YYYY-MM-DD: %q", clip(v.s))})
		case !at.IsZero() && d.After(at):
			ps = append(ps, norm.Problem{Pointer: ptr(), Code: norm.CodeFuture, Message: norm.Textf(
				"%s ligt na de beoordelingsdatum %s", "%s is after the assessment date %s", d.String(), at.String())})
		}
	}
	return ps
}

func enumMessage(c *Criterion, got string) norm.Text {
	codes := make([]string, len(c.Options))
	for i, o := range c.Options {
		codes[i] = o.Code
	}
	list := strings.Join(codes, ", ")
	return norm.Textf("onbekende optie %q voor %s; toegestaan: %s", "unknown option %q for %s; allowed: %s", clip(got), string(c.ID), list)
}

// clip shortens a quoted value so that a hostile answer does not blow up
// the error message.
func clip(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "…"
	}
	return s
}

// validDate reports whether d names an existing date in years 1..9999.
func validDate(d norm.Date) bool { return d.Year >= 1 && d.Valid() }

// grade applies a threshold to a number: higher is better unless lower.
func grade(x float64, t Threshold, lower bool) Result {
	if lower {
		switch {
		case x <= t.Met:
			return Met
		case x <= t.Partial:
			return PartiallyMet
		}
		return NotMet
	}
	switch {
	case x >= t.Met:
		return Met
	case x >= t.Partial:
		return PartiallyMet
	}
	return NotMet
}

// judgement is what one criterion came to.
type judgement struct {
	result   Result
	answered bool
	// measured is set when a measured share decided the result.
	measured bool
	claimRes Result  // the result the claim alone would have had
	claimed  float64 // the claimed percentage
	share    followup.Share
	// number is the value the threshold was applied to (percent, count,
	// months, options chosen, coverage, or months since a date).
	number  float64
	covered int               // coverage: required codes chosen
	cats    norm.CategoryMask // coverage: the categories of the chosen codes
	// derived is set when the norm document gave the answer (WithNorm);
	// claimRes is then the claim's result, claimAnswered whether there
	// was a claim, and agrees whether it said the same as the document.
	derived, claimAnswered, agrees bool
	// surveyed is set, with measured, when an employee survey decided
	// (WithSurvey): low and high are its 95% interval in percent, and
	// straddles the threshold bound inside it (0: none).
	surveyed             bool
	low, high, straddles float64
}

// anyChosen reports whether one of want is among chosen.
func anyChosen(want, chosen []string) bool {
	for _, w := range want {
		for _, s := range chosen {
			if s == w {
				return true
			}
		}
	}
	return false
}

// judge turns a validated answer into a result.
func judge(c *Criterion, t Threshold, v Value, at norm.Date, m *followup.Summary) judgement {
	if v.kind == KindNone {
		return judgement{result: Unanswered}
	}
	j := judgement{answered: true}
	switch c.Rule.Kind {
	case RuleTrue:
		j.result = NotMet
		if v.b {
			j.result = Met
		}
	case RuleGrade:
		o, _ := c.OptionByCode(v.s)
		j.result = o.Result
	case RuleAtLeast:
		j.number = v.n
		j.result = grade(v.n, t, false)
	case RuleCount:
		j.number = float64(len(v.list))
		j.result = grade(j.number, t, false)
		if j.result == Met && len(c.Rule.AnyOf) > 0 && !anyChosen(c.Rule.AnyOf, v.list) {
			j.result = PartiallyMet
		}
	case RuleCoverage:
		for _, r := range c.Rule.Required {
			for _, s := range v.list {
				if s == r {
					j.covered++
					break
				}
			}
		}
		if n := len(c.Rule.Required); n > 0 {
			j.number = 100 * float64(j.covered) / float64(n)
		} else {
			j.number = 100
		}
		// Met by the share of required codes; partially met only when
		// every category of the required codes has a chosen code (and
		// the share reaches the partial bound, 0 unless overridden).
		j.cats = norm.CategoriesOf(v.list)
		want := norm.CategoriesOf(c.Rule.Required)
		switch {
		case j.number >= t.Met:
			j.result = Met
		case j.cats&want == want && j.number >= t.Partial:
			j.result = PartiallyMet
		default:
			j.result = NotMet
		}
	case RuleRecent:
		d, _ := norm.ParseDate(v.s) // checkValue accepted it
		j.number = float64(d.MonthsBetween(at))
		j.result = grade(j.number, t, true)
	}
	if c.MeasuredBy != "" && m != nil {
		if s := measuredShare(m, c.MeasuredBy); s.Known() {
			j.measured = true
			j.claimRes = j.result
			j.claimed = j.number
			j.share = s
			j.number = round1(s.Percent())
			j.result = grade(s.Percent(), t, false)
		}
	}
	return j
}

func measuredShare(m *followup.Summary, s MeasuredShare) followup.Share {
	switch s {
	case MeasuredReactions48h:
		return m.Reactions48h
	case MeasuredAftercareOnTime:
		return m.AftercareOnTime
	case MeasuredCauseAnalysis:
		return m.CauseAnalysis
	}
	return followup.Share{}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// appendNum writes a number the way the language does: a decimal comma in
// Dutch, a point in English.
func appendNum(b []byte, x float64, li int) []byte {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.AppendInt(b, int64(x), 10)
	}
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', -1, 64)
	if li == 0 {
		for i := start; i < len(b); i++ {
			if b[i] == '.' {
				b[i] = ','
			}
		}
	}
	return b
}

// The fixed phrases of explanations, per language.
var phr = [2]struct {
	answer, yes, no, normIs, normYes, of, since, months, monthsAgo, missing, more, all,
	unanswered, claimed, measured, decides, moreEnd, everyCat, and, noCat, with, or, withEnd string
}{
	{
		answer: "antwoord: ", yes: "ja", no: "nee", normIs: "norm: ", normYes: "norm: ja = voldaan",
		of: " van ", since: " voor de beoordelingsdatum", months: " maanden", monthsAgo: " maanden geleden",
		missing: "; ontbreekt: ", more: " en nog ", all: "alle",
		unanswered: "niet beantwoord", claimed: "geclaimd ", measured: ", gemeten ", decides: "; het gemeten cijfer beslist",
		moreEnd: "", everyCat: "elke categorie", and: " en ≥ ", noCat: "; geen gedrag uit: ", with: " (met ", or: " of ", withEnd: ")",
	},
	{
		answer: "answer: ", yes: "yes", no: "no", normIs: "norm: ", normYes: "norm: yes = met",
		of: " of ", since: " before the assessment date", months: " months", monthsAgo: " months ago",
		missing: "; missing: ", more: " and ", all: "all",
		unanswered: "not answered", claimed: "claimed ", measured: ", measured ", decides: "; the measured figure decides",
		moreEnd: " more", everyCat: "every category", and: " and ≥ ", noCat: "; no behaviour of: ", with: " (with ", or: " or ", withEnd: ")",
	},
}

// appendNorm writes the threshold part of an explanation: "norm: ≥ 95%
// voldaan, ≥ 50% deels voldaan".
func appendNorm(b []byte, c *Criterion, ci int, t Threshold, li int) []byte {
	switch c.Rule.Kind {
	case RuleTrue:
		return append(b, phr[li].normYes...)
	case RuleGrade:
		return append(b, gradeNorms[li][ci]...)
	}
	b = append(b, phr[li].normIs...)
	one := func(b []byte, x float64, r Result) []byte {
		switch c.Rule.Kind {
		case RuleRecent:
			b = append(b, "≤ "...)
			b = appendNum(b, x, li)
			b = append(b, phr[li].monthsAgo...)
		case RuleCoverage:
			switch {
			case r == PartiallyMet:
				b = append(b, phr[li].everyCat...)
				if x > 0 {
					b = append(b, phr[li].and...)
					b = appendNum(b, x, li)
					b = append(b, '%')
				}
			case x == 100:
				b = append(b, phr[li].all...)
			default:
				b = append(b, "≥ "...)
				b = appendNum(b, x, li)
				b = append(b, '%')
			}
		default:
			b = append(b, "≥ "...)
			b = appendNum(b, x, li)
			if c.Type == TypePercent {
				b = append(b, '%')
			}
			if c.Rule.Kind == RuleCount && r == Met && len(c.Rule.AnyOf) > 0 {
				b = append(b, phr[li].with...)
				for i, code := range c.Rule.AnyOf {
					if i > 0 {
						b = append(b, phr[li].or...)
					}
					o, _ := c.OptionByCode(code)
					b = append(b, o.Label.In(langs[li])...)
				}
				b = append(b, phr[li].withEnd...)
			}
		}
		b = append(b, ' ')
		return append(b, resultWord(r, li)...)
	}
	b = one(b, t.Met, Met)
	if t.Partial != t.Met || c.Rule.Kind == RuleCoverage {
		b = append(b, ", "...)
		b = one(b, t.Partial, PartiallyMet)
	}
	return b
}

// gradeNorms holds the static norm part of every choice criterion's
// explanation, per language, indexed like criteria: "norm: beide =
// voldaan; alleen dienstverlening, alleen weerbaarheid = deels voldaan".
var gradeNorms [2][]string

func buildGradeNorms() {
	for li := range gradeNorms {
		gradeNorms[li] = make([]string, len(criteria))
		for ci, c := range criteria {
			if c.Rule.Kind != RuleGrade {
				continue
			}
			var sb strings.Builder
			sb.WriteString(phr[li].normIs)
			first := true
			for _, r := range []Result{Met, PartiallyMet, NotApplicable} {
				var labels []string
				for _, o := range c.Options {
					if o.Result == r {
						labels = append(labels, o.Label.In(langs[li]))
					}
				}
				if len(labels) == 0 {
					continue
				}
				if !first {
					sb.WriteString("; ")
				}
				first = false
				sb.WriteString(strings.Join(labels, ", "))
				sb.WriteString(" = ")
				sb.WriteString(resultWord(r, li))
			}
			gradeNorms[li][ci] = sb.String()
		}
	}
}

var langs = [2]norm.Lang{norm.NL, norm.EN}

// maxListed is how many labels an explanation lists before "and n more".
const maxListed = 5

// appendExplanation writes the explanation of one criterion: the answer
// (and measured figure) quoted, then the norm.
func appendExplanation(b []byte, c *Criterion, ci int, t Threshold, v Value, j judgement, li int) []byte {
	p := &phr[li]
	switch {
	case !j.answered:
		b = append(b, p.unanswered...)
	case j.surveyed:
		b = appendSurveyExplanation(b, c, &j, li)
	case j.measured:
		b = appendClaimedAndShare(b, &j, li, p.claimed, p.measured)
		b = append(b, ") "...)
		b = append(b, c.Unit.In(langs[li])...)
		b = append(b, p.decides...)
	default:
		b = appendAnswer(b, c, v, j, li)
	}
	b = append(b, "; "...)
	return appendNorm(b, c, ci, t, li)
}

// appendClaimedAndShare writes the start of an explanation that sets the
// claimed share beside a measured one, "claimed 100%, measured 63.8% (125
// of 196", in the register's or the survey's words.
func appendClaimedAndShare(b []byte, j *judgement, li int, claimed, measured string) []byte {
	b = append(b, claimed...)
	b = appendNum(b, j.claimed, li)
	b = append(b, '%')
	b = append(b, measured...)
	b = appendNum(b, j.number, li)
	b = append(b, "% ("...)
	b = strconv.AppendInt(b, int64(j.share.Num), 10)
	b = append(b, phr[li].of...)
	return strconv.AppendInt(b, int64(j.share.Den), 10)
}

// appendAnswer writes the answer part of an explanation: the value quoted
// in the criterion's terms ("17 of 17 baseline behaviours (100%)").
func appendAnswer(b []byte, c *Criterion, v Value, j judgement, li int) []byte {
	p := &phr[li]
	switch c.Rule.Kind {
	case RuleTrue:
		b = append(b, p.answer...)
		if v.b {
			b = append(b, p.yes...)
		} else {
			b = append(b, p.no...)
		}
	case RuleGrade:
		b = append(b, p.answer...)
		o, _ := c.OptionByCode(v.s)
		b = append(b, o.Label.In(langs[li])...)
	case RuleAtLeast:
		b = appendNum(b, v.n, li)
		if c.Type == TypePercent {
			b = append(b, '%')
		}
		b = append(b, ' ')
		b = append(b, c.Unit.In(langs[li])...)
	case RuleCount:
		b = strconv.AppendInt(b, int64(len(v.list)), 10)
		b = append(b, p.of...)
		b = strconv.AppendInt(b, int64(len(c.Options)), 10)
		b = append(b, ' ')
		b = append(b, c.Unit.In(langs[li])...)
		if len(v.list) > 0 {
			b = append(b, ": "...)
			b = appendLabels(b, c, v.list, li)
		}
	case RuleCoverage:
		b = strconv.AppendInt(b, int64(j.covered), 10)
		b = append(b, p.of...)
		b = strconv.AppendInt(b, int64(len(c.Rule.Required)), 10)
		b = append(b, ' ')
		b = append(b, c.Unit.In(langs[li])...)
		b = append(b, " ("...)
		b = appendNum(b, round1(j.number), li)
		b = append(b, "%)"...)
		if j.covered < len(c.Rule.Required) {
			b = append(b, p.missing...)
			b = appendMissing(b, c, v.list, li)
		}
		var store [8]norm.Category
		if cats := j.cats.AppendMissing(store[:0], norm.CategoriesOf(c.Rule.Required)); len(cats) > 0 {
			b = append(b, p.noCat...)
			for i, cat := range cats {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = append(b, cat.Label().In(langs[li])...)
			}
		}
	case RuleRecent:
		b = append(b, v.s...)
		b = append(b, ", "...)
		b = appendNum(b, j.number, li)
		b = append(b, p.months...)
		b = append(b, p.since...)
	}
	return b
}

// appendLabels writes the labels of the chosen codes, at most maxListed.
func appendLabels(b []byte, c *Criterion, codes []string, li int) []byte {
	for i, s := range codes {
		if i == maxListed {
			b = append(b, phr[li].more...)
			b = strconv.AppendInt(b, int64(len(codes)-maxListed), 10)
			return append(b, phr[li].moreEnd...)
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		o, _ := c.OptionByCode(s)
		b = append(b, o.Label.In(langs[li])...)
	}
	return b
}

// appendMissing writes the labels of the required codes not chosen.
func appendMissing(b []byte, c *Criterion, codes []string, li int) []byte {
	n := 0
	missing := 0
	for _, r := range c.Rule.Required {
		found := false
		for _, s := range codes {
			if s == r {
				found = true
				break
			}
		}
		if found {
			continue
		}
		missing++
		if n == maxListed {
			continue
		}
		if n > 0 {
			b = append(b, ", "...)
		}
		o, _ := c.OptionByCode(r)
		b = append(b, o.Label.In(langs[li])...)
		n++
	}
	if missing > n {
		b = append(b, phr[li].more...)
		b = strconv.AppendInt(b, int64(missing-n), 10)
		b = append(b, phr[li].moreEnd...)
	}
	return b
}
