#!/usr/bin/perl
# Reads a stretch of PostgreSQL's log (log_statement = all, log_line_prefix '%m [%p] ') on stdin
# and writes a pgbench script of the statements in it, each execute's parameters put in place as
# literals, one statement per line: what the app sent, to replay at the database alone.
use strict;
use warnings;

my ($sql, @out);
sub flush_statement {
  my ($params) = @_;
  return unless defined $sql;
  my %value;
  while (defined $params && $params =~ /\$(\d+) = (NULL|'(?:[^']+|'')*')/g) { $value{$1} = $2; }
  (my $text = $sql) =~ s/\$(\d+)(?!\d)/exists $value{$1} ? $value{$1} : "\$$1"/ge;
  $text =~ s/\s*\n\s*/ /g;
  $text =~ s/\s*;?\s*$//;
  push @out, "$text;" unless $text =~ /ALTER SYSTEM|pg_reload_conf/;
  undef $sql;
}

my $entry = '';
sub take {
  my ($line) = @_;
  if ($line =~ /^\S+ \S+ \S+ \[\d+\] LOG:  (?:statement|execute [^:]*): (.*)$/s) { flush_statement(); $sql = $1; }
  elsif ($line =~ /^\S+ \S+ \S+ \[\d+\] DETAIL:  parameters: (.*)$/s) { flush_statement($1); }
  else { flush_statement(); }
}
while (my $line = <STDIN>) {
  if ($line =~ /^\t/ && $entry ne '') { $entry .= $line; next; } # a statement's next line
  take($entry) if $entry ne '';
  $entry = $line;
}
take($entry) if $entry ne '';
flush_statement();
print join("\n", @out), "\n";
