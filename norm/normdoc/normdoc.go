package normdoc

import (
	"github.com/goedgesprek/goedgesprek/norm"
)

// Version is the only version of the document there is.
const Version = "1"

// Document is an organisation's norm document: its norm of unacceptable
// behaviour and, when it has one, its service norm, as adopted on a date.
type Document struct {
	// Version is always "1".
	Version string `json:"version"`
	// Organisation names whose norm this is.
	Organisation Organisation `json:"organisation"`
	// Adopted is the date the norm was adopted (vastgesteld) in this form.
	// An evaluation refuses a norm adopted after its assessment date: it
	// was not in force then.
	Adopted norm.Date `json:"adopted"`
	// Norm is the norm of unacceptable behaviour, the house rules (GG11).
	Norm norm.OrgNorm `json:"norm"`
	// Service is the service norm (GG09), or nil when the document has
	// none.
	Service *norm.ServiceNorm `json:"service,omitempty"`
}

// Organisation names the organisation the norm belongs to.
type Organisation struct {
	Name string `json:"name"`
}

// Check is what the document says about the criteria it answers: the
// findings of [norm.CheckNorm] and, when there is a service norm, of
// [norm.CheckService].
type Check struct {
	Norm    norm.NormCheck     `json:"norm"`
	Service *norm.ServiceCheck `json:"service,omitempty"`
}

// Check runs norm.CheckNorm and norm.CheckService on the document.
func (d *Document) Check() Check {
	c := Check{Norm: norm.CheckNorm(d.Norm)}
	if d.Service != nil {
		s := norm.CheckService(*d.Service)
		c.Service = &s
	}
	return c
}
