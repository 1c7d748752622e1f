package main

import (
	"encoding/json"
	"flag"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	unorm "golang.org/x/text/unicode/norm"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// normFlags are the flags of add and import that name the organisation's
// norm document, whose own behaviour codes the register then accepts.
type normFlags struct{ file, id string }

func (f *normFlags) declare(fs *flag.FlagSet, e *env) {
	fs.StringVar(&f.file, "norm", "", e.t(
		"het normdocument van de organisatie (schema: go run ./examples/schema -doc norm): het register neemt haar eigen gedragscodes aan, ingedeeld in haar categorieën",
		"the organisation's norm document (schema: go run ./examples/schema -doc norm): the register accepts its own behaviour codes, classified by its categories"))
	fs.StringVar(&f.id, "norm-id", "", e.t(
		"naam en versie van die norm, bewaard bij elk incident (standaard organisatie:vaststellingsdatum uit het document, bijv. Uitvoeringsdienst-Noordkust-fictief:2025-09-01)",
		"name and version of that norm, kept with every incident (default organisation:adoption date from the document, e.g. Uitvoeringsdienst-Noordkust-fictief:2025-09-01)"))
}

// load reads the norm document, if one is named, and returns the reader
// options that accept its own codes. It reports false, with the exit
// code, when the norm cannot be used; nothing has been opened or written
// then.
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
	// One byte over the limit, so that DecodeBytes reports an oversized
	// file instead of reading a cut one.
	b, err := io.ReadAll(io.LimitReader(r, form.DefaultMaxBytes+1))
	if err != nil {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, err), false
	}
	doc, err := normdoc.DecodeBytes(b)
	if err != nil {
		if bareNorm(b) {
			err = norm.NewError("register -norm", []norm.Problem{{Code: norm.CodeSchema, Message: norm.T(
				"dit is een losse norm, geen normdocument: zet haar onder \"norm\" in een document met version, organisation en adopted (schema: go run ./examples/schema -doc norm; voorbeeld: examples/data/ind-after-norm.json)",
				"this is a bare norm, not a norm document: put it under \"norm\" in a document with version, organisation and adopted (schema: go run ./examples/schema -doc norm; sample: examples/data/ind-after-norm.json)")}})
		}
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, err), false
	}
	id := f.id
	if id == "" {
		id = normID(doc)
	}
	if !incident.ValidToken(id) {
		return nil, nil, cli.Fail(e.stderr, e.lang, f.file, norm.NewError("register -norm", []norm.Problem{{Code: norm.CodeFormat, Message: norm.Textf(
			"de naam van de norm %q mag alleen letters, cijfers en . _ : - bevatten en ten hoogste %d tekens tellen (kies er een met -norm-id)",
			"the norm's name %q may hold only letters, digits and . _ : - and at most %d characters (choose one with -norm-id)", norm.Printable(id), incident.MaxIDLen)}})), false
	}
	return []incident.DecodeOption{incident.WithNorm(id, doc.Norm)}, []incident.CSVOption{incident.WithCSVNorm(id, doc.Norm)}, 0, true
}

// bareNorm reports whether b is a JSON object that looks like a bare
// norm.OrgNorm (the format -norm took before the norm document): it has
// "behaviours" at the top and no "norm".
func bareNorm(b []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil {
		return false
	}
	_, behaviours := top["behaviours"]
	_, doc := top["norm"]
	return behaviours && !doc
}

// normID derives the name a norm document is kept under with each
// incident: the organisation's name made into a token, a colon, and the
// adoption date, e.g. "Uitvoeringsdienst-Noordkust-fictief:2025-09-01".
// Both come from the document, so the name does not change when the file
// is renamed or copied, and it does change when a new version is adopted
// (the file name, the default before, did neither). Letters lose their
// accents (Súdwest-Fryslân becomes Sudwest-Fryslan), every run of other
// characters becomes one "-", and the organisation part is cut to fit
// incident.MaxIDLen; a name with nothing left becomes "norm".
func normID(d normdoc.Document) string {
	date := d.Adopted.String()
	plain, _, err := transform.String(transform.Chain(unorm.NFD, runes.Remove(runes.In(unicode.Mn))), d.Organisation.Name)
	if err != nil {
		plain = d.Organisation.Name
	}
	var b strings.Builder
	dash := false
	for _, c := range plain {
		if c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	org := b.String()
	if max := incident.MaxIDLen - len(date) - 1; len(org) > max {
		org = strings.TrimRight(org[:max], "-")
	}
	if org == "" {
		org = "norm"
	}
	return org + ":" + date
}
