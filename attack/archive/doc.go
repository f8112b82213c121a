// Package archive puts a world's wiretap on disk and reads it back, at the
// scale of a country: Capture holds every call of a world and writes what
// an eavesdropper on the network records, the key material every party
// holds (one file per piece, so that a leak is a set of files) and a
// ground truth of message digests; Decrypt reads an archive as a stream
// with nothing but the key files it is given, opens every call it can and
// checks each against the ground truth.
//
// Both run in memory that does not grow with the number of calls, and
// both use every core. docs/archive-format.md describes the files.
package archive
