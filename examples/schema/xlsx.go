package main

import (
	"bytes"
	"flag"
	"io"
	"os"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/norm"
)

// outFlags are -format (json, or xlsx for the fill-in workbook of the
// assessment) and -o.
type outFlags struct{ format, out *string }

func addOutFlags(fs *flag.FlagSet, h func(nl, en string) string) outFlags {
	return outFlags{
		format: fs.String("format", "json", h("json (het schema) of xlsx (het invulwerkboek, alleen bij -doc assessment)",
			"json (the schema) or xlsx (the fill-in workbook, only with -doc assessment)")),
		out: fs.String("o", "", h("schrijf naar dit bestand in plaats van stdout", "write to this file instead of stdout")),
	}
}

// check refuses what does not go together.
func (o outFlags) check(doc, ui string) error {
	switch {
	case *o.format != "json" && *o.format != "xlsx":
		return cli.Usagef("-format %q: kies json of xlsx", "-format %q: choose json or xlsx", *o.format)
	case *o.format == "xlsx" && doc != "assessment":
		return cli.Usagef("-format xlsx bestaat alleen voor -doc assessment", "-format xlsx exists only for -doc assessment")
	case *o.format == "xlsx" && ui != "":
		return cli.Usagef("-format xlsx gaat niet samen met -ui", "-format xlsx does not go with -ui")
	}
	return nil
}

// render returns the workbook when -format xlsx, else nil.
func (o outFlags) render(l norm.Lang) ([]byte, error) {
	if *o.format != "xlsx" {
		return nil, nil
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, l); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// write writes the finished output to -o or stdout.
func (o outFlags) write(stdout io.Writer, b []byte) error {
	if *o.out == "" || *o.out == "-" {
		_, err := stdout.Write(b)
		return err
	}
	return os.WriteFile(*o.out, b, 0o644)
}
