package inmem

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Dump renders the whole state of the store as text: every incident and
// action with every field, and the index of action IDs, so that the shared
// suite can search it for personal data.
func Dump(s *Store) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, id := range slices.Sorted(maps.Keys(s.incidents)) {
		_ = enc.Encode(s.incidents[id])
		_ = enc.Encode(s.actions[id])
	}
	for id, a := range s.actions {
		fmt.Fprintf(&b, "%s %d\n", id, len(a))
	}
	for id, inc := range s.actionIDs {
		fmt.Fprintf(&b, "%s -> %s\n", id, inc)
	}
	return b.String()
}
