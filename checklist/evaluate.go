package checklist

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/goedgesprek/goedgesprek/norm"
)

const op = "checklist.Evaluate"

// The rating bounds on the overall score.
const (
	GreenFrom = 80 // a score at or above this is green, unless a critical criterion is not met
	AmberFrom = 55 // a score at or above this (and below green) is amber; below it red
)

// maxCriteria bounds the catalogue so that per-criterion scratch space can
// live on the stack; a test checks the catalogue stays within it.
const (
	maxCriteria = 48
	maxFindings = 3 * maxCriteria // a result finding, a measured finding, an evidence finding
)

// Evaluate scores a self-assessment against the catalogue and explains
// every point. It returns an error only when the assessment or an option is
// invalid: a *norm.Error (Op "checklist.Evaluate") listing every problem,
// each with the JSON pointer of the offending value. A low score is never
// an error. Evaluate is deterministic and safe for concurrent use.
func Evaluate(a Assessment, opts ...EvalOption) (Report, error) {
	cfg := config{lang: norm.NL, maxAge: DefaultMaxEvidenceAge}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	ps := cfg.check(a.Date, a.Organisation.Name)
	var sc scratch
	ps = validate(&a, &sc, ps)
	if len(ps) > 0 {
		slices.SortStableFunc(ps, func(x, y norm.Problem) int {
			return cmp.Or(cmp.Compare(x.Pointer, y.Pointer), cmp.Compare(x.Code, y.Code))
		})
		return Report{}, &norm.Error{Op: op, Problems: ps}
	}
	return evaluate(&a, &cfg, &sc), nil
}

// scratch holds the answers in catalogue order, found once by validate
// and read by evaluate, so that each is looked up in the map only once.
type scratch struct {
	answers [maxCriteria]Answer
	has     [maxCriteria]bool
}

func (sc *scratch) answer(ci int) *Answer {
	if !sc.has[ci] {
		return nil
	}
	return &sc.answers[ci]
}

// validate checks the assessment itself and appends its problems.
func validate(a *Assessment, sc *scratch, ps []norm.Problem) []norm.Problem {
	if a.Version != "" && a.Version != AssessmentVersion {
		ps = append(ps, norm.Problem{Pointer: "/version", Code: norm.CodeEnum, Message: norm.Textf(
			"onbekende versie %q; toegestaan: %s", "unknown version %q; allowed: %s", clip(a.Version), AssessmentVersion)})
	}
	o := &a.Organisation
	if strings.TrimSpace(o.Name) == "" {
		ps = append(ps, norm.Problem{Pointer: "/organisation/name", Code: norm.CodeRequired, Message: norm.T(
			"de naam van de organisatie ontbreekt", "the organisation's name is missing")})
	}
	ps = checkLine(ps, "/organisation/name", o.Name)
	ps = checkLine(ps, "/assessor/id", a.Assessor.ID)
	ps = checkLine(ps, "/assessor/role", a.Assessor.Role)
	switch {
	case o.Kind == "":
		ps = append(ps, norm.Problem{Pointer: "/organisation/kind", Code: norm.CodeRequired, Message: norm.T(
			"het soort organisatie ontbreekt", "the kind of organisation is missing")})
	case !slices.Contains(orgKinds, o.Kind):
		ps = append(ps, norm.Problem{Pointer: "/organisation/kind", Code: norm.CodeEnum, Message: norm.Textf(
			"onbekend soort organisatie %q", "unknown kind of organisation %q", clip(string(o.Kind)))})
	}
	if o.ClientFacingEmployees < 0 {
		ps = append(ps, norm.Problem{Pointer: "/organisation/client_facing_employees", Code: norm.CodeRange, Message: norm.T(
			"een aantal kan niet negatief zijn", "a number cannot be negative")})
	}
	if o.Managers < 0 {
		ps = append(ps, norm.Problem{Pointer: "/organisation/managers", Code: norm.CodeRange, Message: norm.T(
			"een aantal kan niet negatief zijn", "a number cannot be negative")})
	}
	at := a.Date
	switch {
	case at.IsZero():
		ps = append(ps, norm.Problem{Pointer: "/assessment_date", Code: norm.CodeRequired, Message: norm.T(
			"de beoordelingsdatum ontbreekt", "the assessment date is missing")})
	case !validDate(at):
		ps = append(ps, norm.Problem{Pointer: "/assessment_date", Code: norm.CodeDate, Message: norm.T(
			"de beoordelingsdatum bestaat niet", "the assessment date does not exist")})
		at = norm.Date{}
	}
	known := 0
	for ci, c := range criteria {
		ans, ok := a.Answers[c.ID]
		if !ok {
			continue
		}
		sc.answers[ci], sc.has[ci] = ans, true
		known++
		if r, pos, bad := norm.FirstRefused(ans.Comment, true); bad {
			ps = append(ps, norm.Problem{Pointer: norm.Pointer("answers", string(c.ID), "comment"), Code: norm.CodeFormat,
				Message: norm.RefusedMessage(r, pos, true)})
		}
		if ans.Value.kind != KindNone {
			ps = checkValue(c, ans.Value, at, ps)
		}
		for i := range ans.Evidence {
			ps = checkEvidence(c.ID, i, &ans.Evidence[i], at, ps)
		}
	}
	if known != len(a.Answers) {
		for _, id := range sortedKeys(a.Answers) {
			if _, ok := criterionIdx[id]; !ok {
				ps = append(ps, norm.Problem{Pointer: norm.Pointer("answers", string(id)), Code: norm.CodeUnknownField, Message: unknownCriterion("", id)})
			}
		}
	}
	return ps
}

// checkLine appends the problem of a one-line text field holding a
// control character (see norm.LinePattern).
func checkLine(ps []norm.Problem, ptr, s string) []norm.Problem {
	if p, bad := norm.CheckLine(ptr, s); bad {
		ps = append(ps, p)
	}
	return ps
}

func checkEvidence(id CriterionID, i int, e *Evidence, at norm.Date, ps []norm.Problem) []norm.Problem {
	ptr := func(field string) string {
		return norm.Pointer("answers", string(id), "evidence", strconv.Itoa(i), field)
	}
	if strings.TrimSpace(e.Title) == "" {
		ps = append(ps, norm.Problem{Pointer: ptr("title"), Code: norm.CodeRequired, Message: norm.T(
			"een bewijsstuk heeft een titel nodig", "evidence needs a title")})
	}
	for _, f := range [2]struct{ name, s string }{{"title", e.Title}, {"reference", e.Reference}} {
		if r, pos, bad := norm.FirstRefused(f.s, false); bad {
			ps = append(ps, norm.Problem{Pointer: ptr(f.name), Code: norm.CodeFormat, Message: norm.RefusedMessage(r, pos, false)})
		}
	}
	switch {
	case e.Date.IsZero():
		ps = append(ps, norm.Problem{Pointer: ptr("date"), Code: norm.CodeRequired, Message: norm.T(
			"een bewijsstuk heeft een datum nodig", "evidence needs a date")})
	case !validDate(e.Date):
		ps = append(ps, norm.Problem{Pointer: ptr("date"), Code: norm.CodeDate, Message: norm.T(
			"de datum van het bewijsstuk bestaat niet", "the evidence date does not exist")})
	case !at.IsZero() && e.Date.After(at):
		ps = append(ps, norm.Problem{Pointer: ptr("date"), Code: norm.CodeFuture, Message: norm.Textf(
			"het bewijsstuk is gedateerd %s, na de beoordelingsdatum %s", "the evidence is dated %s, after the assessment date %s", e.Date.String(), at.String())})
	}
	return ps
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

type span struct{ start, end int32 }

// evaluate scores a validated assessment.
func evaluate(a *Assessment, cfg *config, sc *scratch) Report {
	li := langIndex(cfg.lang)
	lang := langs[li]
	n := len(criteria)

	var (
		js     [maxCriteria]judgement
		ths    [maxCriteria]Threshold
		ws     [maxCriteria]float64 // criterion weight within its item
		eff    [maxCriteria]float64 // criterion weight in the overall score, in points
		iws    [len14]float64       // item weights
		isum   [len14]float64       // item: sum of criterion weights that count
		iscore [len14]float64       // item: score 0-100
	)
	var overrides []CriterionID
	var (
		claims [maxCriteria]judgement  // with WithNorm: the claim's own judgement
		derivs [maxCriteria]derivation // with WithNorm: what the document answers
	)
	answered := 0
	for ci, c := range criteria {
		t, w := c.Rule.Threshold, c.Weight
		over := false
		if x, ok := cfg.thresholds[c.ID]; ok {
			t, over = x, true
		}
		if x, ok := cfg.critWeights[c.ID]; ok {
			w, over = x, true
		}
		if over {
			overrides = append(overrides, c.ID)
		}
		ths[ci], ws[ci] = t, w
		var v Value
		if sc.has[ci] {
			v = sc.answers[ci].Value
		}
		js[ci] = judge(c, t, v, a.Date, cfg.measured)
		if cfg.normDoc != nil {
			if dv, ok := derive(cfg.normDoc, c.ID); ok {
				claims[ci], derivs[ci] = js[ci], dv
				js[ci] = judgeDerived(c, t, v, dv, js[ci], a.Date)
			}
		}
		if cfg.survey != nil {
			surveyDecides(&js[ci], ci, t, cfg.survey)
		}
		if js[ci].answered {
			answered++
		}
	}

	// Item scores and the overall score.
	var total, totalW float64
	for ii, it := range catalogue {
		w := it.Weight
		if x, ok := cfg.itemWeights[it.ID]; ok {
			w = x
		}
		iws[ii] = w
		var sum, got float64
		for ci := itemFirst[ii]; ci < itemFirst[ii]+len(it.Criteria); ci++ {
			if js[ci].result == NotApplicable || ws[ci] == 0 {
				continue
			}
			sum += ws[ci]
			got += ws[ci] * points(js[ci].result)
		}
		isum[ii] = sum
		if sum > 0 {
			iscore[ii] = 100 * got / sum
			if w > 0 {
				total += w * iscore[ii]
				totalW += w
			}
		}
	}
	score := 0.0
	if totalW > 0 {
		score = round1(total / totalW)
	}
	for ci := range n {
		ii := criterionItem[ci]
		if js[ci].result == NotApplicable || isum[ii] == 0 || totalW == 0 || iws[ii] == 0 {
			continue
		}
		eff[ci] = 100 * ws[ci] / isum[ii] * iws[ii] / totalW
	}

	// Findings, counted first so that one allocation holds them.
	type draft struct {
		code  FindingCode
		ci    int
		stake float64
	}
	var drafts [maxFindings]draft
	nd := 0
	capped := 0
	for ci, c := range criteria {
		j := &js[ci]
		switch j.result {
		case NotMet, Unanswered:
			code := FindingNotMet
			if j.result == Unanswered {
				code = FindingUnanswered
			}
			if c.Critical {
				code = FindingCriticalNotMet
				capped++
			}
			drafts[nd] = draft{code: code, ci: ci}
			nd++
		case PartiallyMet:
			drafts[nd] = draft{code: FindingPartiallyMet, ci: ci}
			nd++
			if c.Critical {
				capped++
			}
		}
		if j.measured && j.result != j.claimRes {
			drafts[nd] = draft{code: FindingMeasured, ci: ci}
			nd++
		}
		if j.derived && j.claimAnswered && !j.agrees {
			drafts[nd] = draft{code: FindingDocument, ci: ci}
			nd++
		}
		if code, ok := evidenceFinding(c, j, sc.answer(ci), a.Date, cfg.maxAge); ok {
			drafts[nd] = draft{code: code, ci: ci}
			nd++
		}
	}

	for k := range nd {
		d := &drafts[k]
		j := &js[d.ci]
		switch d.code {
		case FindingEvidenceMissing, FindingEvidenceStale:
			d.stake = round1(eff[d.ci] * points(j.result))
		case FindingMeasured, FindingDocument:
			d.stake = round1(eff[d.ci] * max(points(j.claimRes), 1-points(j.result)))
		default:
			d.stake = round1(eff[d.ci] * (1 - points(j.result)))
		}
	}
	// Sort the small drafts rather than the findings. Criterion indexes
	// follow the catalogue, whose order is that of the IDs.
	slices.SortFunc(drafts[:nd], func(x, y draft) int {
		xc, yc := x.code == FindingCriticalNotMet, y.code == FindingCriticalNotMet
		if xc != yc {
			if xc {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(y.stake, x.stake), cmp.Compare(x.code.rank(), y.code.rank()), cmp.Compare(x.ci, y.ci))
	})

	bp := bufPool.Get().(*[]byte)
	b := (*bp)[:0]
	var espan [maxCriteria]span
	for ci, c := range criteria {
		start := len(b)
		var v Value
		if sc.has[ci] {
			v = sc.answers[ci].Value
		}
		if js[ci].derived {
			v = derivs[ci].value
			b = append(b, docPhr[li].from...)
		}
		b = appendExplanation(b, c, ci, ths[ci], v, js[ci], li)
		espan[ci] = span{int32(start), int32(len(b))}
	}
	var fspan [maxFindings]span
	for k := range nd {
		d := drafts[k]
		start := len(b)
		if d.code == FindingDocument {
			b = appendDocMessage(b, criteria[d.ci], &js[d.ci], sc.answer(d.ci).Value, &claims[d.ci], derivs[d.ci].value, cfg.normDoc.Adopted, li)
		} else {
			b = appendMessage(b, d.code, criteria[d.ci], &js[d.ci], sc.answer(d.ci), espan[d.ci], a.Date, cfg.maxAge, li)
		}
		fspan[k] = span{int32(start), int32(len(b))}
	}

	// The rating.
	var rule RatingRule
	var rating Rating
	switch {
	case score < AmberFrom:
		rule, rating = RatingScoreRed, Red
	case score >= GreenFrom && capped > 0:
		rule, rating = RatingCapped, Amber
	case score >= GreenFrom:
		rule, rating = RatingScoreGreen, Green
	default:
		rule, rating = RatingScoreAmber, Amber
	}
	var cappedBy []CriterionID
	if capped > 0 {
		cappedBy = make([]CriterionID, 0, capped)
		for ci, c := range criteria {
			if c.Critical && js[ci].result != Met && js[ci].result != NotApplicable {
				cappedBy = append(cappedBy, c.ID)
			}
		}
	}
	rstart := len(b)
	b = appendRatingReason(b, rule, score, cappedBy, li)
	rspan := span{int32(rstart), int32(len(b))}

	text := string(b)
	*bp = b
	bufPool.Put(bp)
	sub := func(s span) string { return text[s.start:s.end] }

	// Assemble the report.
	rep := Report{
		Version:        ReportVersion,
		Organisation:   a.Organisation,
		AssessmentDate: a.Date,
		Language:       lang,
		Score:          score,
		Rating:         rating,
		RatingRule:     rule,
		RatingReason:   sub(rspan),
		CappedBy:       cappedBy,
		Completeness:   round3(float64(answered) / float64(n)),
		Answered:       answered,
		CriteriaTotal:  n,
		Policy: Policy{Catalogue: CatalogueVersion, GreenFrom: GreenFrom, AmberFrom: AmberFrom,
			MaxEvidenceAgeMonths: cfg.maxAge, Overrides: overrides, ItemWeights: len(cfg.itemWeights) > 0},
	}
	arena := make([]norm.PrincipleID, principleArenaLen)
	copy(arena, principleArena)

	var figs []MeasuredFigure
	if m := cfg.measured; m != nil {
		rep.Measured = &Measured{
			Incidents: m.Incidents, At: m.At, Period: m.Period,
			Reactions48h: m.Reactions48h, AftercareOnTime: m.AftercareOnTime, CauseAnalysis: m.CauseAnalysis,
			PoliceReports: m.PoliceReports, FollowUpContact: m.FollowUpContact,
		}
		figs = make([]MeasuredFigure, 0, measuredCriteria)
	}
	if cfg.survey != nil {
		// one backing array: the criteria point into it
		figs = make([]MeasuredFigure, 0, measuredCriteria+len(surveyQuestions()))
	}

	var dfigs []Derived
	if d := cfg.normDoc; d != nil {
		rep.Norm = &NormUsed{Organisation: d.Organisation.Name, Adopted: d.Adopted, Check: d.Check(),
			Extra: len(d.Norm.Extra), Sanctions: len(d.Norm.Sanctions)}
		dfigs = make([]Derived, 0, derivedCriteria)
	}

	crs := make([]CriterionReport, n)
	applied := make([]Threshold, 0, n) // one allocation for every threshold applied
	for ci, c := range criteria {
		j := &js[ci]
		cr := &crs[ci]
		cr.ID, cr.Result, cr.Explanation, cr.Weight, cr.Critical = c.ID, j.result, sub(espan[ci]), ws[ci], c.Critical
		if c.Rule.Kind.UsesThreshold() {
			applied = append(applied, ths[ci])
			cr.Threshold = &applied[len(applied)-1]
		}
		if ans := sc.answer(ci); ans != nil {
			cr.Answer = ans.Value
			cr.Evidence = len(ans.Evidence)
		}
		if j.measured {
			mf := MeasuredFigure{Share: c.MeasuredBy, Num: j.share.Num, Den: j.share.Den, Percent: j.number, Claimed: j.claimed}
			if j.surveyed {
				mf.Share, mf.Question, mf.Low, mf.High = MeasuredSurvey, surveyQuestions()[ci], j.low, j.high
			}
			figs = append(figs, mf)
			cr.Measured = &figs[len(figs)-1]
		}
		if j.derived {
			dfigs = append(dfigs, Derived{Source: derivs[ci].source, Value: derivs[ci].value, ClaimedResult: j.claimRes, Agrees: j.agrees})
			cr.Derived = &dfigs[len(dfigs)-1]
			rep.Norm.Criteria = append(rep.Norm.Criteria, c.ID)
		}
	}

	rep.Items = make([]ItemReport, len(catalogue))
	for ii, it := range catalogue {
		ir := &rep.Items[ii]
		first := itemFirst[ii]
		ir.ID, ir.Title, ir.Weight = it.ID, it.Title.In(lang), iws[ii]
		ir.Score = round1(iscore[ii])
		ir.Principles = arenaSlice(arena, itemArena[ii])
		ir.Criteria = crs[first : first+len(it.Criteria) : first+len(it.Criteria)]
		ir.Result = itemResult(ir.Criteria, isum[ii])
	}

	var pnum, pden [len18]float64
	var pcount [len18]int
	for ci := range criteria {
		for _, p := range criterionPrinciples[ci] {
			pcount[p]++
			if eff[ci] > 0 {
				pnum[p] += eff[ci] * points(js[ci].result)
				pden[p] += eff[ci]
			}
		}
	}
	rep.Principles = make([]PrincipleReport, len(principleOrder))
	for pi, id := range principleOrder {
		pr := &rep.Principles[pi]
		pr.ID, pr.Title, pr.Criteria = id, principleTitles[li][pi], pcount[pi]
		if pden[pi] > 0 {
			pr.Coverage = round3(pnum[pi] / pden[pi])
		}
	}

	rep.Survey = surveyReport(cfg, js[:n])

	rep.Findings = make([]Finding, nd)
	for k := range nd {
		d := drafts[k]
		c := criteria[d.ci]
		f := &rep.Findings[k]
		f.Code, f.Criterion, f.Pointer, f.Message = d.code, c.ID, answerPointers[d.ci], sub(fspan[k])
		f.Source = FindingSource{Item: c.Item, Document: c.Source, Principles: arenaSlice(arena, critArena[d.ci])}
		f.Critical, f.Stake = c.Critical, d.stake
		switch d.code {
		case FindingEvidenceMissing:
			f.NextStep = evidenceNext[li][0]
		case FindingEvidenceStale:
			f.NextStep = evidenceNext[li][1]
		case FindingMeasured:
			f.NextStep = measuredNext[li]
			if js[d.ci].surveyed {
				f.NextStep = surveyNext[li]
			}
		case FindingDocument:
			f.NextStep = docPhr[li].next
		default:
			f.NextStep = c.NextStep.In(lang)
		}
	}
	return rep
}

// itemResult sums an item's criteria up: not applicable when none counts,
// met when all that count are met, unanswered when all are unanswered,
// not met when none earns a point, and partially met otherwise.
func itemResult(crs []CriterionReport, sum float64) Result {
	if sum == 0 {
		return NotApplicable
	}
	allMet, allUnanswered, anyPoint := true, true, false
	for i := range crs {
		r := crs[i].Result
		if r == NotApplicable || crs[i].Weight == 0 {
			continue
		}
		allMet = allMet && r == Met
		allUnanswered = allUnanswered && r == Unanswered
		anyPoint = anyPoint || points(r) > 0
	}
	switch {
	case allMet:
		return Met
	case allUnanswered:
		return Unanswered
	case !anyPoint:
		return NotMet
	}
	return PartiallyMet
}

// evidenceFinding decides whether a positive claim lacks evidence or rests
// on stale evidence. Claims decided by measured data need no document,
// and answers derived from the norm document have it as their evidence.
func evidenceFinding(c *Criterion, j *judgement, ans *Answer, at norm.Date, maxAge int) (FindingCode, bool) {
	// Both evidence findings are about criteria that expect evidence:
	// where none is expected, neither its absence nor its age is a finding.
	if ans == nil || !c.Evidence || j.measured || j.derived || (j.result != Met && j.result != PartiallyMet) {
		return "", false
	}
	if len(ans.Evidence) == 0 {
		return FindingEvidenceMissing, true
	}
	if maxAge > 0 && newest(ans.Evidence).AddMonths(maxAge).Before(at) {
		return FindingEvidenceStale, true
	}
	return "", false
}

func newest(es []Evidence) norm.Date {
	d := es[0].Date
	for _, e := range es[1:] {
		if e.Date.After(d) {
			d = e.Date
		}
	}
	return d
}

var evidenceNext = [2][2]string{
	{
		"Voeg een bewijsstuk toe met titel, vindplaats en datum, zoals het vastgestelde document of een verslag.",
		"Voeg een recent bewijsstuk toe, of stel het document opnieuw vast en leg de nieuwe datum vast.",
	},
	{
		"Add evidence with a title, a reference and a date, such as the adopted document or a report.",
		"Add recent evidence, or re-adopt the document and record the new date.",
	},
}

var measuredNext = [2]string{
	"Zoek uit waarom zelfevaluatie en register verschillen, verbeter de registratie of de werkwijze, en neem voortaan het gemeten cijfer over.",
	"Find out why the self-assessment and the register differ, improve the registration or the practice, and report the measured figure from now on.",
}

var msgPhr = [2]struct {
	critical, criticalEnd, notMet, partial, unanswered, claims, butShows, of, so,
	claimedAs, withoutEvidence, criticalTag, staleA, staleB, staleC, staleD string
}{
	{
		critical: " is kritiek en ", criticalEnd: ". Zolang dit zo blijft, is de beoordeling hoogstens oranje.",
		notMet: " niet voldaan: ", partial: " deels voldaan: ", unanswered: " is niet beantwoord en telt als niet voldaan.",
		claims: ": de zelfevaluatie claimt ", butShows: "), maar het register laat ", of: " van ", so: ") zien, dus ",
		claimedAs: " is opgegeven als ", withoutEvidence: ", zonder bewijsstuk", criticalTag: " (kritiek criterium)",
		staleA: "Het nieuwste bewijsstuk bij ", staleB: " dateert van ", staleC: " maanden voor de beoordelingsdatum; het beleid staat ten hoogste ", staleD: " maanden toe.",
	},
	{
		critical: " is critical and ", criticalEnd: ". As long as this remains, the rating is amber at best.",
		notMet: " not met: ", partial: " partially met: ", unanswered: " is not answered and counts as not met.",
		claims: ": the self-assessment claims ", butShows: "), but the register shows ", of: " of ", so: "), so ",
		claimedAs: " is claimed as ", withoutEvidence: " without evidence", criticalTag: " (critical criterion)",
		staleA: "The newest evidence for ", staleB: " is dated ", staleC: " months before the assessment date; the policy allows at most ", staleD: " months.",
	},
}

// appendMessage writes a finding's message.
func appendMessage(b []byte, code FindingCode, c *Criterion, j *judgement, ans *Answer, expl span, at norm.Date, maxAge, li int) []byte {
	p := &msgPhr[li]
	switch code {
	case FindingCriticalNotMet:
		b = append(b, c.ID...)
		b = append(b, p.critical...)
		if j.result != Unanswered {
			// the explanation of an unanswered criterion starts by saying so
			b = append(b, resultWord(j.result, li)...)
			b = append(b, ": "...)
		}
		b = append(b, b[expl.start:expl.end]...)
		b = append(b, p.criticalEnd...)
	case FindingNotMet, FindingPartiallyMet:
		b = append(b, c.ID...)
		if code == FindingNotMet {
			b = append(b, p.notMet...)
		} else {
			b = append(b, p.partial...)
		}
		b = append(b, b[expl.start:expl.end]...)
		if c.Critical {
			// a critical criterion partially met caps the rating too
			b = append(b, p.criticalEnd...)
		} else {
			b = append(b, '.')
		}
	case FindingUnanswered:
		b = append(b, c.ID...)
		b = append(b, p.unanswered...)
	case FindingMeasured:
		if j.surveyed {
			b = appendSurveyMessage(b, c, j, li)
			break
		}
		b = appendClaimBeside(b, c, j, li, p.claims, p.butShows)
		b = append(b, p.so...)
		b = append(b, resultWord(j.result, li)...)
		b = append(b, '.')
	case FindingEvidenceMissing:
		b = append(b, c.ID...)
		b = append(b, p.claimedAs...)
		b = append(b, resultWord(j.result, li)...)
		b = append(b, p.withoutEvidence...)
		if c.Critical {
			b = append(b, p.criticalTag...)
		}
		b = append(b, '.')
	case FindingEvidenceStale:
		d := newest(ans.Evidence)
		b = append(b, p.staleA...)
		b = append(b, c.ID...)
		b = append(b, p.staleB...)
		b = appendDate(b, d)
		b = append(b, ", "...)
		b = strconv.AppendInt(b, int64(d.MonthsBetween(at)), 10)
		b = append(b, p.staleC...)
		b = strconv.AppendInt(b, int64(maxAge), 10)
		b = append(b, p.staleD...)
	}
	return b
}

func appendDate(b []byte, d norm.Date) []byte {
	pad := func(b []byte, n, w int) []byte {
		s := len(b)
		b = strconv.AppendInt(b, int64(n), 10)
		for len(b)-s < w {
			b = append(b, 0)
			copy(b[s+1:], b[s:])
			b[s] = '0'
		}
		return b
	}
	b = pad(b, d.Year, 4)
	b = append(b, '-')
	b = pad(b, int(d.Month), 2)
	b = append(b, '-')
	return pad(b, d.Day, 2)
}

// ratingPhr spells the bounds from GreenFrom and AmberFrom, so that the
// reason a report gives cannot drift from the rule it applied.
var ratingPhr = func() [2]struct{ score, below, green, capped, amber, alsoCapped string } {
	g, a := strconv.Itoa(GreenFrom), strconv.Itoa(AmberFrom)
	return [2]struct{ score, below, green, capped, amber, alsoCapped string }{
		{
			score: "score ", below: " is lager dan " + a + ": rood", green: " ≥ " + g + " en elk kritiek criterium voldaan: groen",
			capped: " ≥ " + g + ", maar kritiek criterium niet volledig voldaan (", amber: " ligt tussen " + a + " en " + g + ": oranje", alsoCapped: "; kritiek criterium niet volledig voldaan (",
		},
		{
			score: "score ", below: " is below " + a + ": red", green: " ≥ " + g + " and every critical criterion met: green",
			capped: " ≥ " + g + ", but critical criterion not fully met (", amber: " is between " + a + " and " + g + ": amber", alsoCapped: "; critical criterion not fully met (",
		},
	}
}()

var cappedEnd = [2]string{"): hoogstens oranje", "): amber at best"}

func appendRatingReason(b []byte, rule RatingRule, score float64, capped []CriterionID, li int) []byte {
	p := &ratingPhr[li]
	b = append(b, p.score...)
	b = appendNum(b, score, li)
	ids := func(b []byte) []byte {
		for i, id := range capped {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, id...)
		}
		return b
	}
	switch rule {
	case RatingScoreRed, RatingScoreAmber:
		if rule == RatingScoreRed {
			b = append(b, p.below...)
		} else {
			b = append(b, p.amber...)
		}
		if len(capped) > 0 {
			b = append(b, p.alsoCapped...)
			b = ids(b)
			b = append(b, ')')
		}
	case RatingScoreGreen:
		b = append(b, p.green...)
	case RatingCapped:
		b = append(b, p.capped...)
		b = ids(b)
		b = append(b, cappedEnd[li]...)
	}
	return b
}

// appendClaimBeside writes the start of a finding that sets a claimed
// share beside a measured one: "GG12-1: the self-assessment claims 100%
// (met), but the register shows 63.8% (125 of 196", with the register's or
// the survey's words.
func appendClaimBeside(b []byte, c *Criterion, j *judgement, li int, claims, butShows string) []byte {
	b = append(b, c.ID...)
	b = append(b, claims...)
	b = appendNum(b, j.claimed, li)
	b = append(b, "% ("...)
	b = append(b, resultWord(j.claimRes, li)...)
	b = append(b, butShows...)
	b = appendNum(b, j.number, li)
	b = append(b, "% ("...)
	b = strconv.AppendInt(b, int64(j.share.Num), 10)
	b = append(b, msgPhr[li].of...)
	return strconv.AppendInt(b, int64(j.share.Den), 10)
}
