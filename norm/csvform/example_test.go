package csvform_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

func ExampleWriter() {
	w := csvform.NewWriter(os.Stdout, ';')
	w.Write([]string{"id", "reden", "bedrag"})
	w.Write([]string{"A-1", "=HYPERLINK(\"http://x\")", "-5"})
	w.Flush()
	// Output:
	// id;reden;bedrag
	// A-1;"'=HYPERLINK(""http://x"")";-5
}

func ExampleReader() {
	// What a Dutch Excel writes: a byte order mark, a quoted header, ';',
	// CRLF and an empty column at the end.
	in := "\ufeff\"id\";\"reden\";\r\nA-1;\"'=1+1\";\r\n"
	r := csvform.NewReader(strings.NewReader(in), 0, csvform.Limits{})
	header, _ := r.Read()
	rec, _ := r.Read()
	rec, ok := csvform.Fit(rec, header)
	fmt.Printf("%q %q %q %v\n", r.Comma(), header, rec, ok)
	// Output:
	// ';' ["id" "reden" ""] ["A-1" "=1+1" ""] true
}
