package normdoc_test

import (
	"fmt"
	"os"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// Decode a norm document and see what it covers.
func ExampleDecode() {
	f, err := os.Open("../../examples/data/ind-after-norm.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	d, err := normdoc.Decode(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := d.Check()
	covered, total := norm.BaselineCoverage(d.Norm.Behaviours)
	fmt.Printf("%s, adopted %s\n", d.Organisation.Name, d.Adopted)
	fmt.Printf("baseline %d of %d, missing %v\n", covered, total, c.Norm.MissingBehaviours)
	fmt.Printf("service norm complete: %v\n", c.Service.Complete())
	// Output:
	// Uitvoeringsdienst Noordkust (fictief), adopted 2025-09-01
	// baseline 16 of 17, missing [whistling]
	// service norm complete: true
}

// A problem names its place in the document and says what is wrong, in
// Dutch and English.
func ExampleDecodeBytes() {
	_, err := normdoc.DecodeBytes([]byte(`{"version": "1", "organisation": {"name": "X"}, "adopted": "2026-02-30",
		"norm": {"behaviours": [], "known_to_employees": [], "known_to_clients": []}}`))
	fmt.Println(err.(*norm.Error).Problems[0].In(norm.NL))
	fmt.Println(err.(*norm.Error).Problems[0].In(norm.EN))
	// Output:
	// /adopted: "2026-02-30" is geen bestaande datum (date)
	// /adopted: "2026-02-30" is not an existing date (date)
}
