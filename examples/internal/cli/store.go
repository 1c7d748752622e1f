package cli

import (
	"errors"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm"
)

// ErrNoRegister is what the programs return for a register path that does
// not exist where only an existing register will do. (A missing input file
// is a plain fs.ErrNotExist; this one says that no register was made.)
var ErrNoRegister = errors.New("register: no register at this path")

// StoreText says in words what an error of a register means to the person
// who ran the program, for the errors they can act on; ok is false for
// any other error.
func StoreText(err error) (t norm.Text, ok bool) {
	switch {
	case errors.Is(err, ErrNoRegister):
		return norm.T("dit register bestaat niet (lezen maakt geen nieuw register; import of add wel)",
			"this register does not exist (reading does not create one; import or add does)"), true
	case errors.Is(err, sqlstore.ErrNotRegister):
		return norm.T("dit bestand is geen incidentregister van goedgesprek; het is niet geopend en niet veranderd",
			"this file is not a goedgesprek incident register; it was not opened as one and was not changed"), true
	case errors.Is(err, incident.ErrBusy):
		return norm.T("een ander programma schrijft nu in het register en bleef te lang bezig; er is niets vastgelegd, probeer het zo opnieuw",
			"another program is writing to the register and kept at it for too long; nothing was recorded, try again shortly"), true
	}
	return norm.Text{}, false
}
