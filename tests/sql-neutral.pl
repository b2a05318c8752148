#!/usr/bin/perl
# sql-neutral.pl FILE...: print FILE:LINE: WHY: TEXT for each C string
# literal of the store's SQL that PostgreSQL would read otherwise than
# SQLite (doc/store-dialects.md): the column user unquoted (PostgreSQL
# reads a bare user as current_user: a silent wrong answer or a syntax
# error), a function only SQLite has, which belongs in a macro of
# store_dialect_priv.h, or SQLite's conflict clause (UPDATE OR ABORT…). Comments and gettext messages (_("…"), N_("…"),
# ngettext and the literals joined to them) are prose, not SQL; so are the
# migrations[] of store.c, the SQLite-only history of the schema, and a
# step kept in its own file (a *_migration_sql[] text).
# Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later
use strict;
use warnings;

# scalar min(a, b) / max(a, b): a comma at the call's own level
my $nest = qr/\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/;
my $scalar = qr/\b(?:min|max)\s*\((?:[^(),]|$nest)*,/i;
my $conflict = qr/\b(?:INSERT|UPDATE)\s+OR\s+(?:ABORT|FAIL|IGNORE|REPLACE|ROLLBACK)\b/i;
my $sqlite_only = qr/\b(?:ifnull|strftime|julianday|date|datetime|group_concat|instr|json_extract)\s*\(/i;

my $bad = 0;
for my $file (@ARGV) {
	open my $fh, '<', $file or die "$file: $!\n";
	my $src = do { local $/; <$fh> };
	close $fh;
	my ($skip_from, $skip_to) = (-1, -1);
	if ($src =~ /\bmigrations\[\]\s*=\s*\{/g) {
		$skip_from = pos $src;
		$skip_to = $src =~ /\n\};/g ? pos $src : length $src;
	} elsif ($src =~ /_migration_sql\[\]\s*=/g) { # one step's text (store_company.c)
		$skip_from = pos $src;
		$skip_to = $src =~ /;\n/g ? pos $src : length $src;
	}
	my ($code, $prose) = ('', 0);
	while ($src =~ m{\G(?:("(?:[^"\\\n]|\\.)*")|('(?:[^'\\\n]|\\.)*')|(/\*.*?\*/)|(//[^\n]*)|(.))}gs) {
		my $at = $-[0];
		if (defined $1) {
			my $lit = $1;
			# a message, or a literal joined to one ("a" "b", or ngettext's "a", "b")
			$prose = $code =~ /\b(?:N?_|n?gettext)\s*\(\s*$/ || ($prose && $code =~ /^[\s,]*$/);
			$code = '';
			next if $prose || ($at > $skip_from && $at < $skip_to);
			my $why = $lit =~ /(?<![\w"])user(?![\w\\])/ ? 'user unquoted'
				: $lit =~ $sqlite_only ? 'SQLite-only function'
				: $lit =~ $conflict ? 'SQLite-only conflict clause'
				: $lit =~ $scalar ? 'scalar min/max' : undef;
			next unless $why;
			my $line = 1 + (substr($src, 0, $at) =~ tr/\n//);
			print "$file:$line: $why: $lit\n";
			$bad = 1;
		} elsif (defined $5) {
			$code .= $5;
		}
	}
}
exit $bad;
