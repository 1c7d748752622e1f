package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

const (
	// maxLine is the longest assessment line the batch reads: the
	// decoder's own limit, so that a line it would refuse anyway is
	// skipped without being held in memory, and refused with its number.
	maxLine = form.DefaultMaxBytes
	// chunk is how many lines are evaluated in parallel before their
	// reports are written in input order, and chunkBytes how many bytes
	// of lines at most (a chunk ends at whichever comes first). Three
	// chunks are alive at a time, so memory is bounded by 3 × chunkBytes
	// of lines, their reports and two decodes, whatever the input.
	chunk      = 128
	chunkBytes = 4 << 20
	// keepBuf is the largest line buffer kept for the next round; a
	// bigger one (a long line) is let go once its line is done.
	keepBuf = 64 << 10
	// reportBuf is the first size of a report buffer: a report of all 41
	// criteria with findings is 15-25 KB.
	reportBuf = 32 << 10
)

// batchError is the line written for an input line that was refused, so
// that output line n always answers input line n (blank lines aside).
type batchError struct {
	Line  int         `json:"line"`
	Error *norm.Error `json:"error"`
}

type slot struct {
	lineNo int
	in     []byte
	out    []byte // the report, one JSON line
	err    error
}

// runBatch reads newline-delimited JSON assessments and writes one JSON
// report per line, in input order. It streams: lines are read, evaluated
// by GOMAXPROCS workers and written chunk by chunk. A refused line gets an
// error line on stdout and its problems on stderr, and the exit code is 1
// at the end. A sink, when given, takes each outcome instead of stdout
// (see runBatchXLSX).
func runBatch(c config, stdin io.Reader, stdout, stderr io.Writer, sink batchSink) int {
	in, err := openInput(c.input, stdin)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}
	defer in.Close()
	dst, err := openOutput(c, stdout)
	if err != nil {
		return fail(stderr, c.lang, c.out, err)
	}
	defer dst.Close()
	// The batch allocates fast but keeps little alive (one chunk of lines
	// and reports): collecting at twice the live heap instead of once saves
	// about a tenth of the CPU for some 20 MB more, still flat in the
	// number of lines. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	out := bufio.NewWriterSize(dst, 256<<10)
	r := bufio.NewReaderSize(in, 256<<10)

	workers := max(runtime.GOMAXPROCS(0), 1)
	lineNo, refused := 0, 0
	var readErr, sinkErr error

	// readChunk fills slots with the next non-blank lines and returns how
	// many it read; at the end of the input it sets readErr.
	readChunk := func(slots []slot) int {
		n, size := 0, 0
		for n < len(slots) && size < chunkBytes && readErr == nil {
			line, tooLong, err := readLine(r, slots[n].in[:0])
			slots[n].in = line // keep the buffer for the next round
			size += len(line)
			if tooLong {
				// Its buffer grew to maxLine before the line was given up.
				slots[n].in, size = nil, size+maxLine
			}
			if err != nil && !errors.Is(err, io.EOF) {
				readErr = err
				break
			}
			eof := err != nil
			if eof {
				readErr = io.EOF
				if len(line) == 0 && !tooLong {
					break
				}
			}
			lineNo++
			if !tooLong && len(bytes.TrimSpace(line)) == 0 {
				continue // blank lines are skipped
			}
			slots[n].lineNo = lineNo
			slots[n].err = nil
			if tooLong {
				slots[n].err = &norm.Error{Op: "evaluate.batch", Problems: []norm.Problem{{
					Code: norm.CodeTooLarge, Message: norm.Textf(
						"regel langer dan %d bytes, de grens van een zelfevaluatie; overgeslagen",
						"line longer than %d bytes, the limit of a self-assessment; skipped", maxLine),
				}}}
			}
			n++
		}
		return n
	}

	// writeChunk writes the reports of evaluated slots in input order.
	writeChunk := func(slots []slot) error {
		for i := range slots {
			s := &slots[i]
			if cap(s.in) > keepBuf {
				s.in = nil
			}
			if s.err == nil {
				if sink == nil {
					out.Write(s.out)
				} else if sinkErr = sink.report(s.lineNo, s.out); sinkErr != nil {
					return sinkErr
				}
				if cap(s.out) > keepBuf {
					s.out = nil
				}
				continue
			}
			refused++
			var ne *norm.Error
			if !errors.As(s.err, &ne) {
				ne = &norm.Error{Op: "evaluate.batch", Problems: []norm.Problem{{Code: norm.CodeSyntax, Message: norm.T(s.err.Error(), s.err.Error())}}}
			}
			fmt.Fprintf(stderr, "%s %d: %s\n", norm.T("regel", "line").In(c.lang), s.lineNo, ne.In(c.lang))
			if sink != nil {
				if sinkErr = sink.refused(s.lineNo, ne); sinkErr != nil {
					return sinkErr
				}
				continue
			}
			b, _ := json.Marshal(batchError{Line: s.lineNo, Error: ne})
			out.Write(b)
			out.WriteByte('\n')
		}
		_, err := out.Write(nil) // bufio.Writer keeps the first error
		return err
	}

	// Three rounds of slots turn in a pipeline: while the workers evaluate
	// one chunk, this goroutine writes the chunk before it and reads the
	// chunk after it, so that neither core waits for the I/O.
	var rounds [3][]slot
	for i := range rounds {
		rounds[i] = make([]slot, chunk)
	}
	cur := rounds[0][:readChunk(rounds[0])]
	var pending []slot
	for k := 1; len(cur) > 0; k++ {
		done := make(chan struct{})
		go func(s []slot) {
			evaluateChunk(s, c.lang, workers)
			close(done)
		}(cur)
		var werr error
		if pending != nil {
			werr = writeChunk(pending)
		}
		var next []slot
		if readErr == nil && werr == nil {
			next = rounds[k%3][:readChunk(rounds[k%3])]
		}
		<-done
		if werr != nil {
			pending = nil
			break // the output is gone: stop reading, Flush reports it
		}
		pending, cur = cur, next
	}
	if pending != nil {
		writeChunk(pending)
	}
	if sinkErr != nil {
		return fail(stderr, c.lang, c.input, sinkErr)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	if readErr != nil && !errors.Is(readErr, io.EOF) {
		return fail(stderr, c.lang, c.input, readErr)
	}
	if refused > 0 {
		fmt.Fprintln(stderr, norm.Textf("%d van %d regels geweigerd", "%d of %d lines refused", refused, lineNo).In(c.lang))
		return exitInvalid
	}
	return exitOK
}

// readLine reads one line into buf (without the newline). A line longer
// than maxLine is consumed but not kept: tooLong is set instead.
func readLine(r *bufio.Reader, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		frag, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(frag) > maxLine+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n := len(buf); n > 0 && buf[n-1] == '\n' {
			buf = buf[:n-1]
		}
		return buf, tooLong, err
	}
}

// evaluateChunk evaluates the slots in parallel: each worker takes the
// next slot not yet taken, so that a long line holds up one worker, not
// every slot after it in the same stride.
func evaluateChunk(slots []slot, lang norm.Lang, workers int) {
	if len(slots) == 0 {
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(slots)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(slots) {
					return
				}
				s := &slots[i]
				if s.err == nil {
					s.out, s.err = evaluateLine(s.in, lang, s.out[:0])
				}
			}
		})
	}
	wg.Wait()
}

// evaluateLine decodes, evaluates and encodes one assessment as one JSON
// line appended to out: the bytes json.Encoder writes, without its
// reflection (Report.AppendJSON).
func evaluateLine(line []byte, lang norm.Lang, out []byte) ([]byte, error) {
	a, err := checklist.DecodeAssessment(bytes.NewReader(line))
	if err != nil {
		return out, err
	}
	rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
	if err != nil {
		return out, err
	}
	if cap(out) == 0 {
		out = make([]byte, 0, reportBuf) // most reports fit: no regrowing
	}
	if out, err = rep.AppendJSON(out); err != nil {
		return out, err
	}
	return append(out, '\n'), nil
}
