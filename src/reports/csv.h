// CSV output (RFC 4180) that is safe to open in a spreadsheet.
//
// Cells holding a comma, a double quote, CR or LF are quoted with inner quotes
// doubled. A cell starting with = + - @ (or a tab or CR, which some
// spreadsheets skip before reading a formula) gets a leading apostrophe so it
// is shown as text rather than run as a formula (CSV injection). Numbers are
// written by the caller with FormatNumber and never start with a sign because
// durations and counts are not negative. Records end with CRLF.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace turnaround::reports {

// One cell, neutralised and quoted as needed.
std::string CsvCell(const std::string& value);

// A record: cells joined by commas, terminated by CRLF.
std::string CsvRecord(const std::vector<std::string>& cells);

// A number as text: integers without a decimal point, others with up to three
// decimals ("600", "512.5"); "" for nullopt (an empty cell).
std::string FormatNumber(std::optional<double> value);

}  // namespace turnaround::reports
