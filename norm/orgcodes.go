package norm

// MaxOrgCodeLen is the longest code of an organisation's own behaviour that
// an incident register takes.
const MaxOrgCodeLen = 64

// OrgCodePattern is the form of an organisation's own behaviour code that
// an incident register takes: lowercase letters, digits and underscores,
// starting with a letter, like the catalogue's codes, so that a code
// survives a CSV cell, a spreadsheet's lowercasing and a space-separated
// list unchanged.
const OrgCodePattern = "^[a-z][a-z0-9_]*$"

// ValidOrgCode reports whether code has the form of OrgCodePattern and is
// at most MaxOrgCodeLen bytes. It says nothing about whether a norm
// defines the code.
func ValidOrgCode(code string) bool {
	if code == "" || len(code) > MaxOrgCodeLen || code[0] < 'a' || code[0] > 'z' {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// ExtraCategory gives the category the norm gives to one of its own
// (extra) behaviours, and whether the norm defines code as one. Catalogue
// codes are not the norm's own: for them it reports false.
func (n OrgNorm) ExtraCategory(code BehaviourCode) (Category, bool) {
	for _, x := range n.Extra {
		if x.Code == string(code) && x.Category.Valid() {
			if _, catalogue := behaviourIndex[code]; catalogue {
				return "", false
			}
			return x.Category, true
		}
	}
	return "", false
}

// Classify classifies behaviours as the package-level Classify does, and
// counts the norm's own behaviours under the category the norm gives them.
// Codes neither the catalogue nor the norm defines are ignored.
func (n OrgNorm) Classify(codes []BehaviourCode) Classification {
	return ClassifyWith(codes, n.ExtraCategory)
}

// ClassifyWith classifies behaviours as Classify does, and looks up every
// code the catalogue does not hold in own, which gives the category an
// organisation's norm gives it (false: ignored). A catalogue code always
// keeps the catalogue's category.
func ClassifyWith(codes []BehaviourCode, own func(BehaviourCode) (Category, bool)) Classification {
	var seen [7]bool // indexed by Category.Rank; 0 is unused
	n := 0
	for _, code := range codes {
		r := 0
		if i, ok := behaviourIndex[code]; ok {
			r = behaviourRank[i]
		} else if own != nil {
			if c, ok := own(code); ok {
				r = c.Rank()
			}
		}
		if r > 0 && !seen[r] {
			seen[r] = true
			n++
		}
	}
	if n == 0 {
		return Classification{}
	}
	out := Classification{Categories: make([]Category, 0, n)}
	for i := 1; i < len(seen); i++ {
		if seen[i] {
			out.Categories = append(out.Categories, categories[i-1])
		}
	}
	out.Worst = out.Categories[n-1]
	out.Severity = SeverityOf(out.Worst)
	return out
}
