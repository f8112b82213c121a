package report

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/attack/archive"
	"github.com/escrowlab/escrowlab/internal/human"
	"github.com/escrowlab/escrowlab/internal/ids"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// CaptureText writes what a capture wrote, and the command that decrypts
// its archive with every escrow database and the family key.
func CaptureText(w io.Writer, rep *archive.CaptureReport) error {
	h := rep.Header
	var schemes []attack.SchemeID
	for _, s := range h.Schemes {
		schemes = append(schemes, s.ID)
	}
	p := &lines{w: w}
	p.f("Captured %s among %s under %s: %s in %s on %s (%s).",
		plural.Count(h.Sessions, "call"), plural.Count(len(h.People), "person"), ids.Join(schemes), human.Bytes(float64(rep.Bytes)),
		human.Seconds(rep.Elapsed.Seconds()), plural.Count(rep.Workers, "core"), human.Rate(rep.CallRate, "calls/s"))
	p.f("")
	dir := rep.Dir
	p.f("  %-28s what an eavesdropper on the network records (archive %s)", filepath.Join(dir, archive.ArchiveFile), h.Archive)
	p.f("  %-28s the ground truth: digests of what was said, never the words", filepath.Join(dir, archive.TruthFile))
	p.f("  %-28s %d key files, one per piece of key material; %s says which files each leak gives away",
		filepath.Join(dir, archive.KeysDir)+string(filepath.Separator), len(rep.Keys), filepath.Join(dir, archive.KeysDir, archive.IndexFile))
	if files := leakFiles(rep, "escrow-dbs"); len(files) > 0 {
		p.f("")
		p.f("Decrypt everything with both escrow databases and the family key:")
		p.f("  escrowlab decrypt %s --truth %s --keys %s", filepath.Join(dir, archive.ArchiveFile), filepath.Join(dir, archive.TruthFile), strings.Join(files, ","))
	}
	p.f("")
	p.f("Seed %d: capture again with --seed %d and the same flags for the same files, byte for byte.", rep.Seed, rep.Seed)
	return p.err
}

// leakFiles lists the key files a leak gives away, by path.
func leakFiles(rep *archive.CaptureReport, leak string) []string {
	var out []string
	for _, k := range rep.Keys {
		for _, l := range k.Leaks {
			if l == leak {
				out = append(out, filepath.Join(rep.Dir, filepath.FromSlash(k.Path)))
			}
		}
	}
	return out
}

// DecryptOptions adds to a decryption's report what the command measured
// beside it.
type DecryptOptions struct {
	CaptureRate float64 // calls per second a capture carries here, measured in the same run; 0 if not measured
	Project     int     // if set, project both costs to this many calls
}

// DecryptText writes a decryption's report: per scheme, the calls seen,
// opened and identified; the rates; damage; and how decrypting compares
// with capturing.
func DecryptText(w io.Writer, rep *archive.DecryptReport, opts DecryptOptions) error {
	p := &lines{w: w}
	checked := "not checked: no ground truth given (--truth)"
	if rep.Checked {
		checked = "each call opened checked against the ground truth"
	}
	p.f("Archive %s: %s among %s, decrypted with %s; %s.", rep.Archive.Archive, plural.Count(rep.Archive.Sessions, "call"),
		plural.Count(len(rep.Archive.People), "person"), keyWords(len(rep.Keys)), checked)
	p.f("")
	p.table(decryptRows(rep))
	p.f("")
	secs := rep.Elapsed.Seconds()
	p.f("Read %s in %s on %s: %s, %s.", human.Bytes(float64(rep.Bytes)), human.Seconds(secs), plural.Count(rep.Workers, "core"),
		human.Rate(float64(rep.Calls)/secs, "calls/s"), human.Rate(float64(rep.Bytes)/secs/1e6, "MB/s"))
	p.damage(rep)
	p.compare(rep, opts)
	return p.err
}

// keyWords says how many key files were used.
func keyWords(n int) string {
	switch n {
	case 0:
		return "no key file (an eavesdropper with the archive alone)"
	case 1:
		return "1 key file"
	}
	return fmt.Sprintf("%d key files", n)
}

// decryptRows lays out the per-scheme counts.
func decryptRows(rep *archive.DecryptReport) [][]string {
	rows := [][]string{{"Scheme", "Calls", "Opened", "Who called whom", "Wrong", "Unreadable"}}
	split := rep.Split != time.Time{}
	if split {
		rows[0] = append(rows[0], "Opened before", "Opened after")
	}
	for _, s := range rep.Schemes {
		row := []string{schemeTitle(s.Scheme), human.Count(s.Seen), human.Count(s.Opened), human.Count(s.Identified), human.Count(s.Wrong), human.Count(s.Malformed)}
		if split {
			row = append(row, human.Count(s.Before), human.Count(s.After))
		}
		rows = append(rows, row)
	}
	return rows
}

// schemeTitle is a scheme's name for readers, capitalized.
func schemeTitle(id attack.SchemeID) string {
	info, err := attack.LookupScheme(string(id))
	if err != nil {
		return string(id)
	}
	return strings.ToUpper(info.Title[:1]) + info.Title[1:]
}

// damage writes what damage the reader found and skipped.
func (p *lines) damage(rep *archive.DecryptReport) {
	if rep.Damaged > 0 {
		p.f("Skipped %s of the archive; every other record was read:", plural.Count(rep.Damaged, "damaged stretch"))
		for _, d := range rep.Damage {
			p.f("  %v", &d)
		}
		if rep.Damaged > len(rep.Damage) {
			p.f("  and %d more", rep.Damaged-len(rep.Damage))
		}
	}
	if rep.Interrupted {
		p.f("Interrupted: the counts are for the calls read before the run was stopped.")
	}
}

// compare sets decrypting against capturing, both measured here, and
// projects both to a larger archive if asked. The lesson that recording
// is the expensive part is drawn only when the measurement shows it.
func (p *lines) compare(rep *archive.DecryptReport, opts DecryptOptions) {
	secs := rep.Elapsed.Seconds()
	if opts.CaptureRate <= 0 || rep.Calls == 0 || secs <= 0 {
		return
	}
	rate := float64(rep.Calls) / secs
	p.f("")
	p.f("Capturing such calls runs at %s here (measured just now, on the same cores): %s",
		human.Rate(opts.CaptureRate, "calls/s"), verdict(rate/opts.CaptureRate, len(rep.Keys), rep.Workers))
	if opts.Project > 0 {
		n := float64(opts.Project)
		p.f("Projection, not measured: %s would take about %s to capture and %s to decrypt on %s.",
			plural.Count(opts.Project, "call"), human.Seconds(n/opts.CaptureRate), human.Seconds(n/rate), plural.Count(rep.Workers, "core"))
	}
}

// verdict says how decrypting compared with capturing, given how many
// times as fast it ran: the lesson if it ran at least twice as fast,
// plainly otherwise.
func verdict(ratio float64, keys, workers int) string {
	const lesson = "Recording is the expensive part; once stolen, keys read everything at once."
	setup := fmt.Sprintf("with %s on %s", plural.Count(keys, "key file"), plural.Count(workers, "core"))
	switch {
	case ratio >= 2:
		return fmt.Sprintf("trying these keys on the whole archive ran %s times as fast as capturing it. %s", times(ratio), lesson)
	case ratio >= 1.1:
		return fmt.Sprintf("decrypting ran only %s times as fast as capturing here: %s, reading the archive cost nearly as much as recording it.", times(ratio), setup)
	case ratio > 1/1.1:
		return fmt.Sprintf("decrypting took about as long as capturing here: %s, reading the archive cost as much as recording it.", setup)
	}
	return fmt.Sprintf("decrypting took %s times as long as capturing here: %s, reading the archive cost more than recording it.", times(1/ratio), setup)
}

// times writes a ratio: one decimal below 10 (2.4), a whole number with
// separators above (1,250).
func times(x float64) string {
	if x < 9.95 {
		return fmt.Sprintf("%.1f", x)
	}
	return human.Count(int(math.Round(x)))
}

// lines writes formatted lines, keeping the first error.
type lines struct {
	w   io.Writer
	err error
}

func (p *lines) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

// table writes rows with aligned columns, numbers right-aligned.
func (p *lines) table(rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i == 0 {
				b.WriteString(c + spaces(widths[i]-width(c)))
			} else {
				b.WriteString("  " + spaces(widths[i]-width(c)) + c)
			}
		}
		p.f("%s", strings.TrimRight(b.String(), " "))
	}
}
