package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// fieldID turns a JSON pointer into an HTML id that is also a plain URL
// fragment and CSS identifier: "f" followed by the pointer with every "/"
// written as "." and every other character outside A-Z, a-z, 0-9, "_" and
// "-" as "~" and two hex digits per byte. "/answers/GG01.1/value" gives
// "f.answers.GG01~2e1.value", "/answers/GG01-1/value" gives
// "f.answers.GG01-1.value". Different pointers give different ids.
func fieldID(ptr string) string {
	var b strings.Builder
	b.WriteByte('f')
	for i := 0; i < len(ptr); i++ {
		c := ptr[i]
		switch {
		case c == '/':
			b.WriteByte('.')
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "~%02x", c)
		}
	}
	return b.String()
}

// option is one radio button, checkbox or select option.
type option struct {
	Value, Label, ID string
	Checked          bool
}

// field is one control (or group of radio buttons or checkboxes) with
// its label, hint and problems.
type field struct {
	Ptr, ID      string // the name is the pointer; the id derives from it
	Kind         string // text, textarea, number, date, select, radio, checkbox
	Label        string
	Prefix       string // the criterion ID before a question
	Tags         []string
	Hint         string
	Value        string
	Options      []option
	Suffix       string // the unit after a number
	MaxLength    int
	Width        string // a CSS class for the width of the input
	Errors       []string
	Autocomplete string
	Where        string // names the field in the error summary
}

func (f *field) HintID() string  { return f.ID + "-hint" }
func (f *field) ErrorID() string { return f.ID + "-error" }

// DescribedBy lists the hint and the error message for aria-describedby.
func (f *field) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.HintID())
	}
	if len(f.Errors) > 0 {
		ids = append(ids, f.ErrorID())
	}
	return strings.Join(ids, " ")
}

// group is a fieldset without a control of its own: a criterion's
// comment and evidence, an evidence row, the organisation. It carries the
// problems about the object as a whole.
type group struct {
	Ptr, ID, Legend string
	Where           string // names the group in the error summary
	Errors          []string
	Fields          []*field
}

type criterionView struct {
	group
	Group    *group // the same, for the template
	Value    *field
	Comment  *field
	Evidence []*group
	Open     bool // the comment and evidence are shown
}

type itemView struct {
	ID, Title, Description string
	Criteria               []*criterionView
}

type summaryEntry struct{ Href, Message string }

// formPage is everything the form template shows.
type formPage struct {
	Lang, Other norm.Lang
	T           *texts
	Posted      bool // the page answers a POST: switching language keeps the answers
	Notice      string
	Summary     []summaryEntry
	General     []*group
	Answers     group // the problems about the answers as a whole
	Items       []*itemView
}

// schemaText is what the assessment schema says about one property.
type schemaText struct {
	Title, Description string
	MaxLength          int
	Options            []option
}

// schemaTexts reads titles, descriptions, length limits and the labelled
// options of the fields outside the answers from the assessment schema.
var schemaTexts = sync.OnceValue(func() map[norm.Lang]map[string]schemaText {
	out := map[norm.Lang]map[string]schemaText{}
	for _, l := range norm.Langs() {
		m := map[string]schemaText{}
		b, err := checklist.Schema(l, form.Draft2020)
		if err != nil {
			panic(err) // the catalogue is checked by the checklist's tests
		}
		var root schemaNode
		if err := json.Unmarshal(b, &root); err != nil {
			panic(err)
		}
		var walk func(n *schemaNode, ptr string)
		walk = func(n *schemaNode, ptr string) {
			t := schemaText{Title: n.Title, Description: n.Description, MaxLength: n.MaxLength}
			for _, o := range n.OneOf {
				t.Options = append(t.Options, option{Value: fmt.Sprint(o.Const), Label: o.Title})
			}
			m[ptr] = t
			for k, c := range n.Properties {
				if k != "answers" {
					walk(c, ptr+"/"+k)
				}
			}
		}
		walk(&root, "")
		if ev := root.Defs["evidence"]; ev != nil {
			walk(ev, "evidence")
		}
		// The comment and evidence of every answer are alike: take them
		// from the first criterion.
		if a := root.Properties["answers"]; a != nil {
			if c, ok := a.Properties[string(checklist.Criteria()[0].ID)]; ok {
				for _, k := range []string{"comment", "evidence"} {
					if p := c.Properties[k]; p != nil {
						m["answer/"+k] = schemaText{Title: p.Title, Description: p.Description, MaxLength: p.MaxLength}
					}
				}
			}
		}
		out[l] = m
	}
	return out
})

type schemaNode struct {
	Title       string                 `json:"title"`
	Description string                 `json:"description"`
	MaxLength   int                    `json:"maxLength"`
	OneOf       []schemaNode           `json:"oneOf"`
	Const       any                    `json:"const"`
	Properties  map[string]*schemaNode `json:"properties"`
	Defs        map[string]*schemaNode `json:"$defs"`
}

// pageBuilder builds a formPage and keeps, for every pointer shown, where
// its problems go.
type pageBuilder struct {
	lang   norm.Lang
	t      *texts
	st     *state
	sch    map[string]schemaText
	fields map[string]*field
	groups map[string]*group
	order  map[string]int // the place of a field or group on the page
}

func (b *pageBuilder) add(f *field) *field {
	f.ID = fieldID(f.Ptr)
	b.fields[f.Ptr] = f
	b.order[f.Ptr] = len(b.order)
	return f
}

func (b *pageBuilder) addGroup(g *group) *group {
	g.ID = fieldID(g.Ptr)
	b.groups[g.Ptr] = g
	b.order[g.Ptr] = len(b.order)
	return g
}

// text is a field described by the schema.
func (b *pageBuilder) text(ptr, schemaKey, kind, width string) *field {
	s := b.sch[schemaKey]
	f := &field{Ptr: ptr, Kind: kind, Label: s.Title, Where: s.Title, Hint: s.Description, MaxLength: s.MaxLength, Value: b.st.get(ptr), Width: width}
	switch kind {
	case "date":
		f.Hint = strings.TrimSpace(f.Hint + " " + b.t.DateHint)
	case "select":
		f.Options = append([]option{{Value: "", Label: b.t.ChooseKind}}, s.Options...)
		f.Options = markChosen(f.Options, []string{f.Value}, b.t.AsGiven, f.ID)
	}
	return b.add(f)
}

// markChosen ticks the options whose value was given, and adds an option
// for a value that is none of them, so that it is shown (with the problem
// the decoder reports about it) and not silently dropped.
func markChosen(opts []option, chosen []string, asGiven, id string) []option {
	for _, v := range chosen {
		found := false
		for i := range opts {
			if opts[i].Value == v {
				opts[i].Checked = true
				found = true
			}
		}
		if !found && v != "" {
			opts = append(opts, option{Value: v, Label: fmt.Sprintf(asGiven, v), Checked: true})
		}
	}
	for i := range opts {
		opts[i].ID = id
		if i > 0 {
			opts[i].ID = id + "-" + strconv.Itoa(i+1)
		}
	}
	return opts
}

// buildPage lays out the form for a state and places the problems.
func buildPage(lang norm.Lang, st *state, probs []norm.Problem) *formPage {
	t := textsFor(lang)
	b := &pageBuilder{lang: lang, t: t, st: st, sch: schemaTexts()[lang],
		fields: map[string]*field{}, groups: map[string]*group{}, order: map[string]int{}}
	p := &formPage{Lang: lang, Other: otherLang(lang), T: t}

	root := b.addGroup(&group{Ptr: ""}) // the document as a whole: no legend of its own
	org := b.addGroup(&group{Ptr: "/organisation", Legend: b.sch["/organisation"].Title, Where: b.sch["/organisation"].Title})
	org.Fields = []*field{
		b.text(ptrName, ptrName, "text", "w-30"),
		b.text(ptrKind, ptrKind, "select", ""),
		b.text(ptrEmployees, ptrEmployees, "number", "w-6"),
		b.text(ptrManagers, ptrManagers, "number", "w-6"),
	}
	org.Fields[0].Autocomplete = "organization"
	root.Fields = []*field{b.text(ptrDate, ptrDate, "date", "w-10")}
	as := b.addGroup(&group{Ptr: "/assessor", Legend: b.sch["/assessor"].Title, Where: b.sch["/assessor"].Title})
	as.Fields = []*field{
		b.text(ptrAssessor, ptrAssessor, "text", "w-20"),
		b.text(ptrRole, ptrRole, "text", "w-30"),
	}
	as.Fields[1].Autocomplete = "organization-title"
	p.General = []*group{org, root, as}

	p.Answers = group{Ptr: "/answers"}
	b.addGroup(&p.Answers)
	for _, it := range checklist.Items() {
		iv := &itemView{ID: string(it.ID), Title: string(it.ID) + " " + it.Title.In(lang), Description: it.Description.In(lang)}
		for _, c := range it.Criteria {
			iv.Criteria = append(iv.Criteria, b.criterion(c))
		}
		p.Items = append(p.Items, iv)
	}
	b.place(p, probs)
	return p
}

// criterion lays out one criterion: the value with the question as its
// label (or legend), then its comment and evidence.
func (b *pageBuilder) criterion(c *checklist.Criterion) *criterionView {
	lang, t := b.lang, b.t
	cv := &criterionView{group: group{Ptr: norm.Pointer("answers", string(c.ID)), Where: string(c.ID)}}
	cv.Group = &cv.group
	b.addGroup(&cv.group)
	vp := valuePtr(c.ID)
	f := &field{Ptr: vp, Label: c.Question.In(lang), Prefix: string(c.ID), Where: string(c.ID), Hint: c.Help.In(lang)}
	if c.Critical {
		f.Tags = append(f.Tags, t.Critical)
	}
	if c.Evidence {
		f.Tags = append(f.Tags, t.EvidenceExpected)
	}
	b.add(f)
	chosen := b.st.values[vp]
	switch c.Type {
	case checklist.TypeBool:
		f.Kind = "radio"
		f.Options = markChosen([]option{{Label: t.Unanswered}, {Value: "true", Label: t.Yes}, {Value: "false", Label: t.No}}, orEmpty(chosen), t.AsGiven, f.ID)
	case checklist.TypeChoice:
		f.Kind = "radio"
		opts := []option{{Label: t.Unanswered}}
		for _, o := range c.Options {
			opts = append(opts, option{Value: o.Code, Label: o.Label.In(lang)})
		}
		f.Options = markChosen(opts, orEmpty(chosen), t.AsGiven, f.ID)
	case checklist.TypeMulti:
		f.Kind = "checkbox"
		var opts []option
		for _, o := range c.Options {
			opts = append(opts, option{Value: o.Code, Label: o.Label.In(lang)})
		}
		opts = append(opts, option{Value: noneCode, Label: t.None})
		f.Options = markChosen(opts, chosen, t.AsGiven, f.ID)
	case checklist.TypeDate:
		f.Kind, f.Width, f.Value = "date", "w-10", b.st.get(vp)
		f.Hint = strings.TrimSpace(f.Hint + " " + t.DateHint)
	default: // percent, count, months
		f.Kind, f.Width, f.Value = "number", "w-6", b.st.get(vp)
		f.Suffix = c.Unit.In(lang)
		if c.Type == checklist.TypePercent {
			f.Suffix = strings.TrimSpace("% " + f.Suffix)
		}
	}
	cv.Value = f

	cs := b.sch["answer/comment"]
	cv.Comment = b.add(&field{Ptr: commentPtr(c.ID), Kind: "textarea", Label: cs.Title, Where: string(c.ID) + " – " + cs.Title, Hint: cs.Description, MaxLength: cs.MaxLength, Value: b.st.get(commentPtr(c.ID))})
	n := b.st.evidence[c.ID]
	for i := 0; i <= n; i++ {
		legend := fmt.Sprintf(t.EvidenceRow, i+1)
		if i == n {
			legend = t.EvidenceNew
		}
		g := b.addGroup(&group{Ptr: norm.Pointer("answers", string(c.ID), "evidence", strconv.Itoa(i)), Legend: legend, Where: string(c.ID) + " – " + legend})
		for _, fld := range evidenceFields {
			kind, width := "text", "w-30"
			if fld == "date" {
				kind, width = "date", "w-10"
			}
			f := b.text(evidencePtr(c.ID, i, fld), "evidence/"+fld, kind, width)
			f.Where = g.Where + " – " + f.Label
			g.Fields = append(g.Fields, f)
		}
		cv.Evidence = append(cv.Evidence, g)
	}
	cv.Open = cv.Comment.Value != "" || n > 0
	return cv
}

func orEmpty(v []string) []string {
	if len(v) == 0 {
		return []string{""}
	}
	return v
}

// place puts every problem at the field its pointer names, or else at the
// nearest group that holds it, and lists them all in the summary in page
// order, each linking to where it is shown.
func (b *pageBuilder) place(p *formPage, probs []norm.Problem) {
	type placed struct {
		order int
		entry summaryEntry
	}
	var list []placed
	for _, pr := range probs {
		msg := pr.Message.In(b.lang)
		ptr := pr.Pointer
		for {
			if f, ok := b.fields[ptr]; ok {
				f.Errors = append(f.Errors, msg)
				list = append(list, placed{b.order[ptr], summaryEntry{"#" + f.ID, where(f.Where, msg)}})
				break
			}
			if g, ok := b.groups[ptr]; ok {
				g.Errors = append(g.Errors, msg)
				list = append(list, placed{b.order[ptr], summaryEntry{"#" + g.ID, where(g.Where, msg)}})
				break
			}
			i := strings.LastIndexByte(ptr, '/')
			if i < 0 {
				ptr = "" // the root group always exists
				continue
			}
			ptr = ptr[:i]
		}
	}
	slices.SortStableFunc(list, func(a, b placed) int { return a.order - b.order })
	for _, l := range list {
		p.Summary = append(p.Summary, l.entry)
	}
	// Open the comment and evidence of a criterion that has a problem in
	// them.
	for _, it := range p.Items {
		for _, c := range it.Criteria {
			if len(c.Comment.Errors) > 0 {
				c.Open = true
			}
			for _, g := range c.Evidence {
				if len(g.Errors) > 0 {
					c.Open = true
				}
				for _, f := range g.Fields {
					if len(f.Errors) > 0 {
						c.Open = true
					}
				}
			}
		}
	}
}

// where prefixes a message in the summary with the field it is about.
func where(w, msg string) string {
	if w == "" {
		return msg
	}
	return w + ": " + msg
}
