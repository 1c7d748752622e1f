package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"strings"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/examples/internal/schemadocs"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// uiFlag is -ui (react-jsonschema-form) or -ui=jsonforms.
type uiFlag struct{ v string }

func (u *uiFlag) String() string   { return u.v }
func (u *uiFlag) IsBoolFlag() bool { return true }
func (u *uiFlag) Set(s string) error {
	switch s {
	case "true", "rjsf":
		u.v = "rjsf"
	case "false":
		u.v = ""
	case "jsonforms":
		u.v = "jsonforms"
	default:
		return cli.Usagef("-ui=%s: kies rjsf of jsonforms", "-ui=%s: choose rjsf or jsonforms", s)
	}
	return nil
}

func run(args []string, stdout, stderr io.Writer) int {
	lang := cli.GuessLang(args)
	h := func(nl, en string) string { return norm.T(nl, en).In(lang) }
	names := make([]string, len(schemadocs.All))
	for i, d := range schemadocs.All {
		names[i] = d.Name
	}
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	doc := fs.String("doc", "", h("het document: ", "the document: ")+strings.Join(names, ", "))
	langStr := fs.String("lang", "nl", h("taal van titels en beschrijvingen: nl of en", "language of titles and descriptions: nl or en"))
	draft := fs.String("draft", "2020-12", h("JSON Schema-versie: 2020-12 of 07", "JSON Schema version: 2020-12 or 07"))
	var ui uiFlag
	of := addOutFlags(fs, h)
	fs.Var(&ui, "ui", h("druk het UI-schema van het formulier af (-ui voor react-jsonschema-form, -ui=jsonforms voor JSON Forms)", "print the form's UI schema instead (-ui for react-jsonschema-form, -ui=jsonforms for JSON Forms)"))
	usage := func() {
		io.WriteString(stderr, h("gebruik: schema -doc DOCUMENT [-lang nl|en] [-draft 2020-12|07] [-ui[=jsonforms]] [-format json|xlsx] [-o BESTAND]\n\n",
			"usage: schema -doc DOCUMENT [-lang nl|en] [-draft 2020-12|07] [-ui[=jsonforms]] [-format json|xlsx] [-o FILE]\n\n"))
		fs.SetOutput(stderr)
		fs.PrintDefaults()
	}
	pos, err := cli.Parse(fs, args)
	if err == nil && len(pos) == 1 && ui.v != "" && (pos[0] == "jsonforms" || pos[0] == "rjsf") {
		ui.v, pos = pos[0], nil // "-ui jsonforms" as well as "-ui=jsonforms"
	}
	if err == nil && len(pos) > 0 {
		err = cli.Usagef("onverwacht argument %q", "unexpected argument %q", pos[0])
	}
	var l norm.Lang
	if err == nil {
		l, err = cli.ParseLang(*langStr)
	}
	var d form.Dialect
	if err == nil {
		if d, err = form.ParseDialect(*draft); err != nil {
			err = cli.Usagef("-draft %q: kies 2020-12 of 07", "-draft %q: choose 2020-12 or 07", *draft)
		}
	}
	var build func() ([]byte, error)
	if err == nil {
		for _, x := range schemadocs.All {
			if x.Name == *doc {
				build = func() ([]byte, error) { return x.Schema(l, d) }
			}
		}
		switch {
		case *doc == "":
			err = cli.Usagef("geef -doc: %s", "give -doc: %s", strings.Join(names, ", "))
		case build == nil:
			err = cli.Usagef("-doc %q: kies uit %s", "-doc %q: choose from %s", *doc, strings.Join(names, ", "))
		case ui.v != "" && *doc != "assessment":
			err = cli.Usagef("-ui bestaat alleen voor -doc assessment", "-ui exists only for -doc assessment")
		case ui.v != "":
			f := schemadocs.UISchemas[ui.v]
			build = func() ([]byte, error) { return f(l) }
		}
	}
	if err == nil {
		err = of.check(*doc, ui.v)
	}
	if err != nil {
		return cli.ReportUsage(stderr, lang, "schema", err, usage)
	}
	if x, err := of.render(l); err != nil || x != nil {
		if err == nil {
			err = of.write(stdout, x)
		}
		if err != nil {
			return cli.Fail(stderr, l, "schema", err)
		}
		return cli.ExitOK
	}
	b, err := build()
	if err != nil {
		return cli.Fail(stderr, l, "schema", err)
	}
	// Print it indented, whatever the library's layout, ending in a newline.
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return cli.Fail(stderr, l, "schema", err)
	}
	out.WriteByte('\n')
	if err := of.write(stdout, out.Bytes()); err != nil {
		return cli.Fail(stderr, l, "stdout", err)
	}
	return cli.ExitOK
}
