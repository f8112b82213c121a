package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/outpath"
)

// maxFileSize bounds a scenario file: a lesson fits in far less.
const maxFileSize = 1 << 20

// LoadFile reads and checks a scenario file. Every problem found is
// reported, as FileErrors, before anything runs. A FIFO, device or
// directory is refused before it is opened, so that reading never hangs.
func LoadFile(path string) (*Spec, error) {
	fi, err := os.Stat(path)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err // the path is in the message already
	}
	if err != nil {
		return nil, fmt.Errorf("reading scenario %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("reading scenario %s: it is %s; a scenario file is a regular file", path, outpath.Describe(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading scenario %s: %w", path, err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
		return nil, fmt.Errorf("reading scenario %s: %w", path, err)
	}
	if buf.Len() > maxFileSize {
		return nil, FileErrors{{File: path, Msg: fmt.Sprintf("file is larger than %d bytes; a scenario file is a short YAML document", maxFileSize)}}
	}
	return Parse(path, buf.Bytes())
}

// Parse checks src, the text of the scenario file called name, and
// returns its Spec or FileErrors listing every problem.
func Parse(name string, src []byte) (*Spec, error) {
	if errs := checkText(name, src); len(errs) > 0 {
		return nil, errs
	}
	d := yaml.NewDecoder(bytes.NewReader(src))
	var root yaml.Node
	if err := d.Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, src, err)
	}
	if len(root.Content) == 0 {
		return nil, FileErrors{{File: name, Line: 1, Col: 1, Msg: "empty file: want a YAML mapping with at least title, cast and events (see docs/scenario-format.md)"}}
	}
	p := &parser{file: name, spec: &Spec{}}
	p.errs = secondDocument(name, d)
	if p.top(root.Content[0]) {
		p.check()
	}
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *PosError) int { return a.Line - b.Line })
		return nil, p.errs
	}
	if p.spec.ID == "" {
		p.spec.ID = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return p.spec, nil
}

// parser walks a YAML node tree into a Spec, collecting problems.
type parser struct {
	file string
	spec *Spec
	errs FileErrors
	// where things were written, for messages found in the final check
	castAt, daysAt *yaml.Node
	people         []personRef    // every use of a person's name
	adversaryRefs  []adversaryRef // every adversary a prediction is about
	schemeRefs     []schemeRef    // every scheme a prediction names
	schemesAt      *yaml.Node
}

// adversaryRef is the adversary of a prediction: named with by, or the
// default intruder.
type adversaryRef struct {
	name  string
	at    *yaml.Node
	named bool // written with by
}

// schemeRef is a prediction's scheme, checked against the schemes listed.
type schemeRef struct {
	scheme attack.SchemeID
	at     *yaml.Node
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	e := &PosError{File: p.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

func (p *parser) errorAt(line, col int, format string, args ...any) {
	p.errs = append(p.errs, &PosError{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// found describes what a node holds, for "found ..." in messages.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return n.Value
	}
	return strconv.Quote(n.Value)
}

// fields walks a mapping, calling set for each known key and reporting
// unknown and repeated keys.
func (p *parser) fields(n *yaml.Node, what string, allowed []string, set func(key string, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: want a mapping with keys %s, found %s", what, strings.Join(allowed, ", "), found(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(allowed, k.Value):
			p.errorf(k, "unknown key %q in %s; allowed: %s", k.Value, what, strings.Join(allowed, ", "))
		case seen[k.Value]:
			p.errorf(k, "%s: key %q given twice", what, k.Value)
		default:
			seen[k.Value] = true
			set(k.Value, v)
		}
	}
	return true
}

// text reads a non-empty scalar.
func (p *parser) text(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		p.errorf(n, "%s: want text, found %s", what, found(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// number reads a whole number in [lo, hi]. After reporting a bad value it
// returns 0, so that defaults apply and no second error follows from it.
func (p *parser) number(n *yaml.Node, what string, lo, hi int) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
		p.errorf(n, "%s: want a whole number from %d to %d, found %s", what, lo, hi, found(n))
		return 0
	}
	if v < lo || v > hi {
		p.errorf(n, "%s: %d is out of range; want %d to %d", what, v, lo, hi)
		return 0
	}
	return v
}

// texts reads a list of text.
func (p *parser) texts(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list, found %s", what, found(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, p.text(c, what+" entry"))
	}
	return out
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

var topKeys = []string{"id", "title", "summary", "references", "start", "cast", "schemes", "traffic", "events", "expect"}

// top reads the document; it reports false if it is not a mapping, when
// nothing more can usefully be checked.
func (p *parser) top(n *yaml.Node) bool {
	s := p.spec
	ok := p.fields(n, "the scenario", topKeys, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			if s.ID = p.text(v, "id"); s.ID != "" && !idPattern.MatchString(s.ID) {
				p.errorf(v, "id %q: want lower-case letters, digits and dashes, such as my-lesson", s.ID)
			}
		case "title":
			s.Title = p.text(v, "title")
		case "summary":
			s.Summary = p.text(v, "summary")
		case "references":
			p.references(v)
		case "start":
			s.Start = p.date(v, "start")
		case "cast":
			p.castAt = v
			s.Cast = p.texts(v, "cast")
		case "schemes":
			p.schemesAt = v
			for _, c := range seq(p, v, "schemes") {
				id, err := attack.ParseScheme(c.Value)
				switch {
				case err != nil:
					p.errorf(c, "schemes: %v", err)
				case slices.Contains(s.Schemes, id):
					p.errorf(c, "schemes: %s listed twice", id)
				default:
					s.Schemes = append(s.Schemes, id)
				}
			}
		case "traffic":
			p.traffic(v)
		case "events":
			for _, c := range seq(p, v, "events") {
				p.event(c)
			}
		case "expect":
			for _, c := range seq(p, v, "expect") {
				p.expectation(c)
			}
		}
	})
	for _, k := range []string{"title", "cast", "events"} {
		if ok && !hasKey(n, k) {
			p.errorf(n, "missing %q: a scenario needs at least title, cast and events", k)
		}
	}
	return ok
}

// date reads a day such as 2018-11-29, from 1900 to 2100.
func (p *parser) date(n *yaml.Node, what string) time.Time {
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(n.Value))
	if n.Kind != yaml.ScalarNode || err != nil || d.Year() < 1900 || d.Year() > 2100 {
		p.errorf(n, "%s: want a date from 1900 to 2100 written year-month-day, such as 2018-11-29; found %s", what, found(n))
		return time.Time{}
	}
	return d
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// seq returns a list's items, reporting a non-list.
func seq(p *parser, n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list, found %s", what, found(n))
		return nil
	}
	return n.Content
}

func (p *parser) references(n *yaml.Node) {
	for _, c := range seq(p, n, "references") {
		r := p.number(c, "references", 1, len(references))
		p.spec.References = append(p.spec.References, r)
	}
}

func (p *parser) traffic(n *yaml.Node) {
	t := &p.spec.Traffic
	p.fields(n, "traffic", []string{"people", "sessions", "messages", "days", "seed"}, func(key string, v *yaml.Node) {
		switch key {
		case "people":
			t.People = p.number(v, "traffic.people", 2, attack.MaxPeople)
		case "sessions":
			t.Sessions = p.number(v, "traffic.sessions", 0, attack.MaxSessions)
		case "messages":
			t.Messages = p.number(v, "traffic.messages", 1, 20)
		case "days":
			p.daysAt = v
			t.Days = p.number(v, "traffic.days", 1, 3650)
		case "seed":
			seed, err := strconv.ParseUint(v.Value, 10, 64)
			if v.Tag != "!!int" || err != nil {
				p.errorf(v, "traffic.seed: want an unsigned whole number, found %s", found(v))
			}
			t.Seed = &seed
		}
	})
}
