package main

import (
	"fmt"
	"io"
)

// runSummary writes the portfolio of a batch (see the README).
func runSummary(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "evaluate: -summary: not yet")
	return exitUsage
}
