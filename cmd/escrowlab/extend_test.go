package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// schemeFile is the worked example of docs/extending.md: a complete
// scheme, with the leak it adds, in one file.
const schemeFile = "attack/threshold.go"

// TestCopyAScheme keeps docs/extending.md's promise: copying the worked
// example's file under a new id, renaming only its top-level identifiers
// the ids it declares and its title, is all it takes to add a scheme. It builds
// escrowlab with the copy in a temporary module and checks that the copy
// appears in the matrix (text and JSON), is accepted in a scenario file,
// is drawn in the HTML report, and changes no other scheme's cells.
func TestCopyAScheme(t *testing.T) {
	if testing.Short() {
		t.Skip("builds escrowlab in a temporary module")
	}
	dir := t.TempDir()
	copyModule(t, dir)
	src, err := os.ReadFile(filepath.Join(dir, schemeFile))
	if err != nil {
		t.Fatal(err)
	}
	copied, ids := copyScheme(t, src, "Copy", "-copy")
	if ids["threshold"] != "threshold-copy" || ids["quorum-dbs"] != "quorum-dbs-copy" {
		t.Fatalf("ids renamed: %v", ids)
	}
	if err := os.WriteFile(filepath.Join(dir, "attack", "threshold_copy.go"), copied, 0o644); err != nil {
		t.Fatal(err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the copy: %v", err)
	}
	bin := filepath.Join(dir, "escrowlab")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/escrowlab")
	build.Dir, build.Env = dir, append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building with the copied scheme: %v\n%s", err, out)
	}

	args := []string{"matrix", "--json", "--seed", "5", "--people", "6", "--sessions", "30"}
	before := matrixCells(t, runHere(t, args...))
	after := matrixCells(t, runBinary(t, bin, args...))
	for key, cell := range before {
		if after[key] != cell {
			t.Errorf("%s: %v with the copy, %v without", key, after[key], cell)
		}
	}
	for key, cell := range before {
		leak, scheme, _ := strings.Cut(key, " x ")
		if scheme == "threshold" {
			if got := after[leak+" x threshold-copy"]; got != cell {
				t.Errorf("%s x threshold-copy: %v, want %v as under threshold", leak, got, cell)
			}
		}
		if leak == "quorum-dbs" {
			if got := after["quorum-dbs-copy x "+scheme]; got != cell {
				t.Errorf("quorum-dbs-copy x %s: %v, want %v as quorum-dbs", scheme, got, cell)
			}
		}
	}
	if text := runBinary(t, bin, "matrix", "--no-color", "--scheme", "threshold-copy,clipper", "--seed", "5"); !strings.Contains(text, "threshold-copy") || !strings.Contains(text, "quorum-dbs-copy") {
		t.Errorf("the text matrix does not show the copy:\n%s", text)
	}
	if html := runBinary(t, bin, "matrix", "--format", "html", "--scheme", "threshold-copy,clipper", "--seed", "5"); !strings.Contains(html, ">threshold-copy<") {
		t.Error("the HTML report does not draw the copy")
	}
	yaml := filepath.Join(dir, "copy.yaml")
	if err := os.WriteFile(yaml, []byte(copyScenario), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runBinary(t, bin, "scenario", "run", yaml, "--no-color"); !strings.Contains(out, "threshold escrow (threshold-copy)") {
		t.Errorf("scenario run does not show the copy:\n%s", out)
	}
}

// copyScenario predicts the copy's behaviour in a scenario file.
const copyScenario = `title: The copied scheme behaves as the original
cast: [Alice, Bob]
schemes: [threshold-copy, threshold]
traffic: {people: 5, sessions: 12, days: 30}
events:
  - day: 10
    leak: {what: quorum-dbs-copy, to: thief}
expect:
  - {by: thief, scheme: threshold-copy, opens: all}
  - {by: thief, scheme: threshold, opens: all}
`

// copyModule copies the module's source (no tests, no testdata) to dir.
func copyModule(t *testing.T, dir string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		name := d.Name()
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "docs" || name == "examples") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if strings.HasSuffix(name, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copyScheme renames, in one Go file, every top-level identifier X to
// X+suffix and every string constant of type SchemeID or LeakID to
// id+idSuffix, as a student copying a scheme would. It returns the new
// source and the ids it renamed.
func copyScheme(t *testing.T, src []byte, suffix, idSuffix string) ([]byte, map[string]string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, schemeFile, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	top := map[string]bool{}
	ids := map[string]string{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "init" {
				top[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					top[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						top[n.Name] = true
					}
					renameIDs(t, s, idSuffix, ids)
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			ast.Inspect(sel.X, func(n ast.Node) bool { rename(n, top, suffix); return true })
			return false // sel.Sel names a field, method or another package's identifier
		}
		rename(n, top, suffix)
		return true
	})
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), ids
}

func rename(n ast.Node, top map[string]bool, suffix string) {
	if id, ok := n.(*ast.Ident); ok && top[id.Name] {
		id.Name += suffix
	}
}

// renameIDs gives each constant of type SchemeID or LeakID in s a new id.
func renameIDs(t *testing.T, s *ast.ValueSpec, suffix string, ids map[string]string) {
	typ, ok := s.Type.(*ast.Ident)
	if !ok || (typ.Name != "SchemeID" && typ.Name != "LeakID") {
		return
	}
	for _, v := range s.Values {
		lit, ok := v.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		old, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		ids[old] = old + suffix
		lit.Value = strconv.Quote(old + suffix)
	}
}

// matrixCells reads a matrix's JSON into "leak x scheme" -> cell.
func matrixCells(t *testing.T, out string) map[string]cellCounts {
	t.Helper()
	var doc struct {
		Cells []struct {
			Leak   string `json:"leak"`
			Scheme string `json:"scheme"`
			cellCounts
		} `json:"cells"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("matrix JSON: %v\n%s", err, out)
	}
	cells := map[string]cellCounts{}
	for _, c := range doc.Cells {
		cells[c.Leak+" x "+c.Scheme] = c.cellCounts
	}
	return cells
}

// cellCounts are the measured numbers of one matrix cell.
type cellCounts struct {
	Total    int `json:"sessions_total"`
	Opened   int `json:"sessions_opened"`
	Before   int `json:"opened_before_leak"`
	After    int `json:"opened_after_leak"`
	Metadata int `json:"metadata_exposed"`
}

// runHere runs escrowlab in this process and returns its output.
func runHere(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if st := run(append([]string{"escrowlab"}, args...), strings.NewReader(""), &stdout, &stderr); st != exitOK {
		t.Fatalf("escrowlab %s: exit %d\n%s", strings.Join(args, " "), st, stderr.String())
	}
	return stdout.String()
}

// runBinary runs the escrowlab built with the copy.
func runBinary(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("escrowlab %s (with the copy): %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
