package normtest

// Hostile is one character that free text must not carry into a report or
// a terminal, for table tests of decoders and validators.
type Hostile struct {
	Name string // for the subtest name, e.g. "ESC"
	Rune rune
	// MultiLine: allowed in multi-line text (tab and line feed only).
	MultiLine bool
}

// HostileChars lists the characters every free-text field refuses (or, for
// tab and line feed, every one-line field), one of each kind: C0 controls,
// DEL, C1 controls, the Unicode separators and the direction overrides
// and isolates. A new slice on every call.
func HostileChars() []Hostile {
	return []Hostile{
		{"NUL", 0x00, false},
		{"BEL", 0x07, false},
		{"TAB", '\t', true},
		{"LF", '\n', true},
		{"CR", '\r', false},
		{"ESC", 0x1b, false},
		{"DEL", 0x7f, false},
		{"NEL", 0x85, false},
		{"CSI", 0x9b, false},
		{"LSEP", 0x2028, false},
		{"PSEP", 0x2029, false},
		{"LRE", 0x202a, false},
		{"RLO", 0x202e, false},
		{"LRI", 0x2066, false},
		{"PDI", 0x2069, false},
	}
}
