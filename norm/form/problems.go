package form

import (
	"slices"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
)

// finish sorts problems by pointer (array indices in numeric order) and
// code, drops repeats of the same pointer and code, and caps the list.
func finish(probs []norm.Problem) []norm.Problem {
	if len(probs) == 0 {
		return nil
	}
	slices.SortStableFunc(probs, func(a, b norm.Problem) int {
		if c := ComparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
			return c
		}
		return strings.Compare(a.Message.EN, b.Message.EN)
	})
	out := probs[:1]
	for _, p := range probs[1:] {
		last := out[len(out)-1]
		if p.Pointer == last.Pointer && p.Code == last.Code {
			continue
		}
		out = append(out, p)
	}
	return norm.Cap(out)
}

// ComparePointers orders JSON pointers token by token, comparing tokens
// that are both array indices as numbers, so "/a/2" sorts before "/a/10".
// A pointer sorts before the pointers below it.
func ComparePointers(a, b string) int {
	for a != "" && b != "" {
		var ta, tb string
		ta, a = nextToken(a)
		tb, b = nextToken(b)
		if ta == tb {
			continue
		}
		na, ea := strconv.Atoi(ta)
		nb, eb := strconv.Atoi(tb)
		if ea == nil && eb == nil && na != nb {
			if na < nb {
				return -1
			}
			return 1
		}
		return strings.Compare(ta, tb)
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

// nextToken splits "/tok/rest" into "tok" and "/rest" (tokens stay
// escaped: order only needs to be consistent).
func nextToken(p string) (string, string) {
	p = p[1:]
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}
