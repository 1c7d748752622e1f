package norm

// MaxProblems is how many problems one *Error lists. Input built to fail
// everywhere (a header of eight million empty columns, a document with a
// hundred thousand wrong values) would otherwise make the error itself
// the denial of service: what is past the limit is counted, not kept, and
// said in one last problem with code CodeMore.
const MaxProblems = 100

// moreProblems is the problem that stands for n problems left out of a
// list: the last one of a list cut at MaxProblems.
func moreProblems(n int) Problem {
	msg := Textf("en nog %d problemen die niet zijn vermeld", "and %d more problems that are not listed", n)
	if n == 1 {
		msg = T("en nog 1 probleem dat niet is vermeld", "and 1 more problem that is not listed")
	}
	return Problem{Code: CodeMore, Message: msg, more: n}
}

// Problems collects the problems of one document: the first MaxProblems
// are kept and the rest only counted, so that its memory stays small
// whatever the input. The zero value is ready to use.
type Problems struct {
	list []Problem
	more int
}

// Add records a problem. A problem made by moreProblems adds its count.
func (ps *Problems) Add(p Problem) {
	switch {
	case p.Code == CodeMore && p.more > 0:
		ps.more += p.more
	case len(ps.list) < MaxProblems:
		ps.list = append(ps.list, p)
	default:
		ps.more++
	}
}

// Len is how many problems were added, kept or only counted.
func (ps *Problems) Len() int { return len(ps.list) + ps.more }

// List returns the problems kept, followed by moreProblems when some were
// only counted; nil when there are none.
func (ps *Problems) List() []Problem {
	if ps.more == 0 {
		return ps.list
	}
	return append(ps.list[:len(ps.list):len(ps.list)], moreProblems(ps.more))
}

// Err returns nil without problems, and an *Error with Op op otherwise.
func (ps *Problems) Err(op string) error { return NewError(op, ps.List()) }

// Cap cuts a list of problems at MaxProblems, counting the rest in one
// last moreProblems; lists that are short enough come back as they are.
// Lists already cut are cut again correctly: Cap(Cap(ps)) == Cap(ps).
func Cap(problems []Problem) []Problem {
	if len(problems) <= MaxProblems && !hasMore(problems[:max(len(problems)-1, 0)]) {
		return problems
	}
	var ps Problems
	for _, p := range problems {
		ps.Add(p)
	}
	return ps.List()
}

// hasMore reports whether a moreProblems is among ps.
func hasMore(ps []Problem) bool {
	for _, p := range ps {
		if p.Code == CodeMore && p.more > 0 {
			return true
		}
	}
	return false
}

// total is how many problems a list stands for, counting what a
// moreProblems left out.
func total(ps []Problem) int {
	n := len(ps)
	for _, p := range ps {
		if p.Code == CodeMore && p.more > 0 {
			n += p.more - 1
		}
	}
	return n
}
