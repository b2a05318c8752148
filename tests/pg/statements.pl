#!/usr/bin/perl
# statements.pl FILE < PREPROCESSED: the SQL texts of the store file FILE
# (src/store/x.c), read from its preprocessed text (cc -E, so that the
# macros of store_dialect_priv.h and store_priv.h are pasted in as the
# compiler pastes them), for tests/pg/prepare.sh. Each run of adjacent
# string literals written in a file of src/store/ is printed as
# "KIND<tab>FILE:LINE<tab>TEXT", the text's backslashes, line ends and
# tabs escaped (\\, \n, \t): KIND "statement" when it begins with an SQL
# keyword in capitals, "fragment" when it is a clause or holds a parameter
# (a piece the code completes). Prose is neither; nor are the migrations[]
# of store.c and a *_migration_sql[] text (SQLite's history of the schema,
# which PostgreSQL never runs), left out as tests/sql-neutral.pl leaves them.
# Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later
use strict;
use warnings;

my $want = shift or die "usage: statements.pl FILE < preprocessed\n";
$want =~ s{.*/}{};
my $keyword = qr/^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|VALUES|CREATE|ALTER|DROP|PRAGMA|
	BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|LISTEN|NOTIFY|GRANT|REVOKE|TRUNCATE|
	LOCK|ANALYZE|VACUUM|REINDEX|ATTACH|DETACH|EXPLAIN|COPY|DO)\b/x;
# A piece of a statement, which the code completes: a clause, or a text
# with a parameter in it.
my $piece = qr/^\s*(?:WHERE|AND|OR|FROM|JOIN|ORDER\s+BY|GROUP\s+BY|LIMIT|SET|ON)\b|\?\d|:[a-z_]+\b/;
my %esc = (n => "\n", t => "\t", r => "\r", a => "\a", b => "\b", f => "\f", v => "\013");

# The bytes of a C string literal's body.
sub unquote {
	my ($s) = @_;
	$s =~ s{\\(?:([0-7]{1,3})|x([0-9a-fA-F]+)|(.))}{
		defined $1 ? chr(oct $1) : defined $2 ? chr(hex $2) : ($esc{$3} // $3)
	}ges;
	return $s;
}

my $src = do { local $/; <STDIN> };
my ($file, $line) = ('', 1);
our $skip = 0;
my ($run, $at) = (undef, '');
my $flush = sub {
	my $kind = !defined $run || $skip ? undef
		: $run =~ $keyword ? 'statement'
		: $run =~ /^(?::\w+(?:%d|:)?|\w+)$/ ? undef # a parameter's name, a word the code compares
		: $run =~ $piece ? 'fragment' : undef;
	if ($kind) {
		(my $t = $run) =~ s/\\/\\\\/g;
		$t =~ s/\n/\\n/g;
		$t =~ s/\t/\\t/g;
		print "$kind\t$at\t$t\n";
	}
	$run = undef;
};
# Skipping the history: 0 not, -1 to the next ";", n > 0 to the close of
# the n-th open brace.
my $prev = ''; # the code since the last literal (tokens joined)
sub skip_code {
	my ($code) = @_;
	if ($skip < 0) {
		$skip = 0 if $code =~ /;/;
	} elsif ($skip > 0) {
		$skip += () = $code =~ /\{/g;
		$skip -= () = $code =~ /\}/g;
		$skip = 0 if $skip < 0;
	} else {
		$prev = substr $prev . $code, -80;
		if ($prev =~ /\bmigrations\[\]=\{$/) {
			$skip = 1;
		} elsif ($prev =~ /_migration_sql\[\]=$/) {
			$skip = -1;
		}
		$prev = '' if $skip;
	}
}
while ($src =~ m{\G(?:^\#\s*(\d+)\s+"([^"]*)"[^\n]*\n|("(?:[^"\\\n]|\\.)*")|('(?:[^'\\\n]|\\.)*')|(\n)|([ \t\r\f\v]+)|([^"'\n \t\r\f\v]+))}gcm) {
	my ($ln, $lf, $lit, $chr, $nl, $sp, $other) = ($1, $2, $3, $4, $5, $6, $7);
	if (defined $ln) { # a line marker: the next line is line $1 of $2
		($line, $file) = ($ln, $lf);
		next;
	}
	if (defined $nl) {
		$line++;
		next;
	}
	next if defined $sp;
	if (defined $lit) {
		my $mine = $file =~ m{(?:^|/)src/store/[^/]+$};
		if (!defined $run) {
			$run = '';
			$at = "$file:$line";
			$at =~ s{^.*?(?=src/store/)}{};
		}
		$run .= unquote(substr $lit, 1, -1) if $mine;
		next;
	}
	my $code = defined $chr ? $chr : $other;
	$flush->();
	skip_code($code) if $file =~ m{(?:^|/)\Q$want\E$};
}
$flush->();
