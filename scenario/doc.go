// Package scenario drives the escrowlab model through case studies and
// returns each run as a [Transcript]: typed steps saying who acted, what
// they did, the values involved, why it matters and which sources back it,
// with tables, charts and quiz questions drawn from the run's measurements.
// It never prints; package report renders transcripts.
//
// A [Scenario] is either written in Go (the tour) or as data: a [Spec],
// parsed from YAML by [Parse] or [LoadFile] (docs/scenario-format.md) and
// run by [RunSpec], with predictions checked against the measurement.
// [Builtins] lists the case studies that ship with escrowlab; the matrix and
// forgery commands have transcript builders of their own ([MatrixTranscript],
// [ForgeTranscript], [SweepTranscript]).
//
// Every number a transcript states is measured in that run: counts come
// from really decrypting (or failing to decrypt) captured traffic and
// checking the result against what was said.
package scenario
