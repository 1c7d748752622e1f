package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// normFlags are the flags of add and import that name the organisation's
// own norm, whose extra behaviour codes the register then accepts.
type normFlags struct{ file, id string }

func (f *normFlags) declare(fs *flag.FlagSet, e *env) {
	fs.StringVar(&f.file, "norm", "", e.t(
		"de eigen norm van de organisatie (JSON): het register neemt haar eigen gedragscodes aan, ingedeeld in haar categorieën",
		"the organisation's own norm (JSON): the register accepts its own behaviour codes, classified by its categories"))
	fs.StringVar(&f.id, "norm-id", "", e.t(
		"naam en versie van die norm, bewaard bij elk incident (standaard de bestandsnaam zonder .json)",
		"name and version of that norm, kept with every incident (default the file name without .json)"))
}

// load reads the norm, if one is named, and returns the reader options
// that accept its own codes. It reports false, with the exit code, when
// the norm cannot be used; nothing has been opened or written then.
func (f *normFlags) load(e *env) (dec []incident.DecodeOption, csv []incident.CSVOption, code int, ok bool) {
	if f.file == "" {
		if f.id != "" {
			return nil, nil, cli.ReportUsage(e.stderr, e.lang, "register", cli.Usagef(
				"-norm-id zonder -norm", "-norm-id without -norm"), func() {}), false
		}
		return nil, nil, 0, true
	}
	r, err := os.Open(f.file)
	if err != nil {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, err), false
	}
	defer r.Close()
	var on norm.OrgNorm
	if probs := form.Decode(r, nil, &on, form.Limits{}); len(probs) > 0 {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, norm.NewError("register.norm", probs)), false
	}
	if err := on.Validate(); err != nil {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, err), false
	}
	id := f.id
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(f.file), filepath.Ext(f.file))
	}
	if !incident.ValidToken(id) {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, norm.NewError("register.norm", []norm.Problem{{Code: norm.CodeFormat, Message: norm.Textf(
			"de naam van de norm %q mag alleen letters, cijfers en . _ : - bevatten (kies er een met -norm-id)",
			"the norm's name %q may hold only letters, digits and . _ : - (choose one with -norm-id)", norm.Printable(id))}})), false
	}
	return []incident.DecodeOption{incident.WithNorm(id, on)}, []incident.CSVOption{incident.WithCSVNorm(id, on)}, 0, true
}
