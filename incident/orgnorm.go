package incident

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Behaviours are the behaviour codes of an incident: codes of the
// catalogue (norm.Behaviours) and codes an organisation's own norm adds
// (see NormRef). Which codes an incident may name depends on its norm, so
// reading a list checks only that it is a list of strings; Validate checks
// each code, with its pointer.
type Behaviours []norm.BehaviourCode

// MarshalJSON writes the codes as a list of strings, those of the
// organisation's norm included.
func (b Behaviours) MarshalJSON() ([]byte, error) {
	if b == nil {
		return []byte("null"), nil
	}
	ss := make([]string, len(b))
	for k, c := range b {
		ss[k] = string(c)
	}
	return json.Marshal(ss)
}

// UnmarshalJSON reads a list of strings; see Behaviours.
func (b *Behaviours) UnmarshalJSON(data []byte) error {
	var ss []string
	if err := json.Unmarshal(data, &ss); err != nil {
		return err
	}
	if ss == nil {
		*b = nil
		return nil
	}
	out := make(Behaviours, len(ss))
	for k, s := range ss {
		out[k] = norm.BehaviourCode(s)
	}
	*b = out
	return nil
}

// NormRef is the organisation's own norm an incident was registered
// under. It travels with the incident (in every store, in JSON and in CSV)
// so that a later reader classifies and counts the incident as the
// register did, even after the organisation has changed its norm or when
// the norm is not at hand.
type NormRef struct {
	// ID names the norm and its version as the organisation does, e.g.
	// "UDN-huisregels-2026-1": letters, digits and ". _ : -".
	ID string `json:"id"`
	// Behaviours are the norm's own behaviours that the incident names,
	// each with the category the norm gives it, in the order the incident
	// names them. Catalogue codes are not listed: the catalogue classifies
	// them.
	Behaviours []OwnBehaviour `json:"behaviours,omitempty"`
}

// OwnBehaviour is a behaviour code of an organisation's own norm with the
// category the norm gives it.
type OwnBehaviour struct {
	Code     string        `json:"code"`
	Category norm.Category `json:"category"`
}

// category gives the category the incident's norm gives to code.
func (r *NormRef) category(code norm.BehaviourCode) (norm.Category, bool) {
	if r == nil {
		return "", false
	}
	for _, b := range r.Behaviours {
		if b.Code == string(code) {
			return b.Category, b.Category.Valid()
		}
	}
	return "", false
}

// defines reports whether the incident's norm lists code among its own
// behaviours (its category may still be wrong: Validate says so there).
func (r *NormRef) defines(code norm.BehaviourCode) bool {
	return r != nil && slices.ContainsFunc(r.Behaviours, func(b OwnBehaviour) bool { return b.Code == string(code) })
}

func (r *NormRef) clone() *NormRef {
	if r == nil {
		return nil
	}
	c := *r
	c.Behaviours = slices.Clone(r.Behaviours)
	return &c
}

func (r *NormRef) same(o *NormRef) bool {
	if r == nil || o == nil {
		return r == nil && o == nil
	}
	return r.ID == o.ID && slices.Equal(r.Behaviours, o.Behaviours)
}

// UnderNorm records that the incident is registered under the
// organisation's norm n, which the organisation calls id: Norm becomes id
// with, for each behaviour of the incident that is one of n's own, its code
// and the category n gives it. Codes neither the catalogue nor n defines
// are left for Validate to refuse.
func (i *Incident) UnderNorm(id string, n norm.OrgNorm) {
	ref := &NormRef{ID: id}
	for _, code := range i.Behaviours {
		if c, ok := n.ExtraCategory(code); ok && !slices.ContainsFunc(ref.Behaviours, func(b OwnBehaviour) bool { return b.Code == string(code) }) {
			ref.Behaviours = append(ref.Behaviours, OwnBehaviour{Code: string(code), Category: c})
		}
	}
	i.Norm = ref
}

// applyNorm classifies inc under the norm given to a reader, and reports
// where the norm inc carried already (from its document or CSV row) says
// something else: another norm, or another category for a code.
func applyNorm(inc *Incident, id string, n norm.OrgNorm) []norm.Problem {
	had := inc.Norm
	inc.UnderNorm(id, n)
	if had == nil {
		return nil
	}
	var ps []norm.Problem
	if had.ID != id {
		ps = append(ps, norm.Problem{Pointer: "/norm/id", Code: norm.CodeReference, Message: norm.Textf(
			"het incident is geregistreerd onder norm %q, niet onder %q", "the incident was registered under norm %q, not %q", had.ID, id)})
	}
	for k, b := range had.Behaviours {
		c, ok := inc.Norm.category(norm.BehaviourCode(b.Code))
		switch {
		case !ok:
			ps = append(ps, norm.Problem{Pointer: norm.Pointer("norm", "behaviours", strconv.Itoa(k), "code"), Code: norm.CodeReference, Message: norm.Textf(
				"norm %q kent geen eigen gedrag %q dat het incident noemt", "norm %q has no own behaviour %q that the incident names", id, b.Code)})
		case c != b.Category:
			ps = append(ps, norm.Problem{Pointer: norm.Pointer("norm", "behaviours", strconv.Itoa(k), "category"), Code: norm.CodeReference, Message: norm.Textf(
				"norm %q deelt %q in als %s, het incident als %s", "norm %q puts %q under %s, the incident under %s", id, b.Code, c, b.Category)})
		}
	}
	return ps
}

// norm checks the norm an incident carries and its own behaviours.
func (v *validator) norm(inc *Incident) {
	r := inc.Norm
	if r == nil {
		return
	}
	switch {
	case r.ID == "":
		v.add("/norm/id", norm.CodeRequired, norm.T("de naam van de norm ontbreekt", "the name of the norm is missing"))
	default:
		v.token("/norm/id", r.ID, "ID")
	}
	if len(r.Behaviours) > MaxItems {
		v.add("/norm/behaviours", norm.CodeTooLarge, norm.Textf("meer dan %d eigen gedragingen", "more than %d own behaviours", MaxItems))
		return
	}
	seen := make(map[string]bool, len(r.Behaviours))
	for k, b := range r.Behaviours {
		ptr := norm.Pointer("norm", "behaviours", strconv.Itoa(k), "code")
		_, catalogue := norm.LookupBehaviour(norm.BehaviourCode(b.Code))
		switch {
		case b.Code == "":
			v.add(ptr, norm.CodeRequired, norm.T("de code ontbreekt", "the code is missing"))
		case catalogue:
			v.add(ptr, norm.CodeDuplicate, norm.Textf(
				"%q staat in de catalogus; de catalogus deelt het in", "%q is a catalogue code; the catalogue classifies it", b.Code))
		case !norm.ValidOrgCode(b.Code):
			v.add(ptr, norm.CodeFormat, norm.Textf(
				"een eigen gedragscode bestaat uit kleine letters, cijfers en _ en begint met een letter (ten hoogste %d tekens)",
				"an own behaviour code is lowercase letters, digits and _, starting with a letter (at most %d characters)", norm.MaxOrgCodeLen))
		case seen[b.Code]:
			v.add(ptr, norm.CodeDuplicate, norm.Textf("eigen gedrag %q staat er twee keer in", "own behaviour %q is listed twice", b.Code))
		case !slices.Contains(inc.Behaviours, norm.BehaviourCode(b.Code)):
			v.add(ptr, norm.CodeReference, norm.Textf(
				"eigen gedrag %q staat niet bij het gedrag van het incident", "own behaviour %q is not among the incident's behaviours", b.Code))
		}
		seen[b.Code] = true
		cptr := norm.Pointer("norm", "behaviours", strconv.Itoa(k), "category")
		switch _, err := norm.ParseCategory(string(b.Category)); {
		case b.Category == "":
			v.add(cptr, norm.CodeRequired, norm.T("de categorie ontbreekt", "the category is missing"))
		case err != nil:
			v.enum(cptr, err)
		}
	}
}
