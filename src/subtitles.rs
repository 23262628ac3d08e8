//! Subtitle files (SubRip `.srt`, WebVTT `.vtt`) read as running text: a broadcast's words come
//! in numbered cues of one or two short lines between timings, and a sentence runs over several
//! cues. The reader keeps the words only: each cue's lines joined by a space, and a cue joined to
//! the one before it unless it opens a speaker's turn ("NARRATOR:", "- ") or a bracketed note
//! ("[ARCHIVE FOOTAGE]"), which open a line of their own. Lines before the first cue (a file name,
//! a title) stay as they are.
//!
//! Hand-written rather than a subtitle crate: the extractor needs the words and none of the
//! timings, styling or positions such a crate parses, and the format's shape is a few lines.

use std::sync::OnceLock;

use regex::Regex;

/// A cue's timing line: "00:14:02,120 --> 00:14:06,480" (SubRip) or "00:14.000 --> 00:16.500
/// align:start" (WebVTT, hours optional, settings after).
fn timing() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s+-->\s+(\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}")
            .expect("timing pattern")
    })
}

/// Markup inside a cue's text ("<i>", "</b>", "{\an8}").
fn markup() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}").expect("markup pattern"))
}

/// Whether `text` is a subtitle file: at least three timing lines, and one line in five or more
/// of its lines that are not blank.
pub fn is_subtitles(text: &str) -> bool {
    // most texts have no timing arrow at all: no line need be matched
    if !text.contains("-->") {
        return false;
    }
    let (mut timings, mut lines) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        timings += usize::from(timing().is_match(line));
    }
    timings >= 3 && timings * 5 >= lines
}

/// The words of a subtitle file as running text, or `None` when `text` is no subtitle file.
pub fn running_text(text: &str) -> Option<String> {
    if !is_subtitles(text) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let first_timing = lines.iter().position(|l| timing().is_match(l))?;
    // the header: up to the cue identifier before the first timing
    let header_end = cue_id_before(&lines, first_timing).unwrap_or(first_timing);
    let header: Vec<&str> = lines[..header_end]
        .iter()
        .map(|l| l.trim_end())
        .filter(|l| !l.starts_with("WEBVTT"))
        .collect();
    let header = header.join("\n");
    let mut out = String::new();
    if !header.trim().is_empty() {
        out.push_str(header.trim());
        out.push_str("\n\n");
    }
    let mut body = String::new();
    let mut i = first_timing;
    while i < lines.len() {
        // one cue: its text lines after the timing, up to a blank line
        let mut cue = Vec::new();
        let mut j = i + 1;
        while j < lines.len() && !lines[j].trim().is_empty() && !timing().is_match(lines[j]) {
            cue.push(markup().replace_all(lines[j].trim(), "").into_owned());
            j += 1;
        }
        let cue = cue.join(" ");
        let cue = cue.trim();
        if !cue.is_empty() {
            if !body.is_empty() {
                body.push(if opens_turn(cue) || body.ends_with(']') {
                    '\n'
                } else {
                    ' '
                });
            }
            body.push_str(cue);
        }
        // the next timing, past the next cue's identifier
        i = (j..lines.len())
            .find(|&k| timing().is_match(lines[k]))
            .unwrap_or(lines.len());
    }
    out.push_str(&body);
    out.push('\n');
    Some(out)
}

/// The index of the cue identifier right before the timing at `at` (a line after a blank one:
/// "112" in SubRip, any name in WebVTT), if there is one.
fn cue_id_before(lines: &[&str], at: usize) -> Option<usize> {
    let id = at.checked_sub(1)?;
    let after_blank = id == 0 || lines[id - 1].trim().is_empty();
    (!lines[id].trim().is_empty() && after_blank).then_some(id)
}

/// Whether a cue opens a speaker's turn or a note: a label in capitals and a colon
/// ("NARRATOR:", "HEATH (1970):"), a dash, or a bracket.
fn opens_turn(cue: &str) -> bool {
    if cue.starts_with(['[', '(', '-', '–', '—']) {
        return true;
    }
    cue.split_once(':').is_some_and(|(label, _)| {
        !label.is_empty()
            && label.len() <= 40
            && label.chars().any(|c| c.is_alphabetic())
            && !label.chars().any(|c| c.is_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRT: &str = "episode_2.srt\nEnglish subtitles\n\n112\n00:14:02,120 --> 00:14:06,480\n\
        NARRATOR: On the 6th of September 1970, the Popular Front\nfor the Liberation of \
        Palestine hijacked two airliners\n\n113\n00:14:06,600 --> 00:14:10,950\n\
        and flew them to <i>Jordan</i>.\n\n114\n00:14:11,100 --> 00:14:15,300\n\
        [ARCHIVE FOOTAGE: AMMAN]\n\n115\n00:14:15,500 --> 00:14:20,040\n\
        The Front's demands were broadcast.\n";

    #[test]
    fn cues_become_running_text_and_turns_open_lines() {
        let text = running_text(SRT).unwrap();
        assert_eq!(
            text,
            "episode_2.srt\nEnglish subtitles\n\nNARRATOR: On the 6th of September 1970, the \
             Popular Front for the Liberation of Palestine hijacked two airliners and flew them \
             to Jordan.\n[ARCHIVE FOOTAGE: AMMAN]\nThe Front's demands were broadcast.\n"
        );
    }

    #[test]
    fn webvtt_cues_with_identifiers_and_settings() {
        let vtt = "WEBVTT\n\nintro\n00:01.000 --> 00:04.000 align:start\n- Talks resumed\n\n\
            00:04.500 --> 00:06.000\nin Doha on Monday.\n\n00:06.500 --> 00:08.000\n\
            - Qatar mediated.\n";
        assert_eq!(
            running_text(vtt).unwrap(),
            "- Talks resumed in Doha on Monday.\n- Qatar mediated.\n"
        );
    }

    #[test]
    fn prose_with_a_timing_or_two_is_no_subtitle_file() {
        let prose = "The log reads:\n00:14:02,120 --> 00:14:06,480\nThen the talks began.\n\
            Qatar mediated. Egypt hosted.\nIsrael and Hamas agreed.\n";
        assert!(running_text(prose).is_none());
    }
}
