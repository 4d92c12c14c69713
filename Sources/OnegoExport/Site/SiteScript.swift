/// The site's one script (`site.js`): the situation resolver and notice picker of matter pages, and the search of
/// the index page. Kept byte-identical to what the tests run under node.
enum SiteScript {
    static let text = #"""
        /* onego handbook site: situation questions on matter pages and search on the index page.
           No inline code: this file is the site's only code (CSP script-src 'self'); the other scripts are data
           (search shards, a matter's notices). Catalog text reaches the page as DOM text nodes, never as HTML, except
           a matter's notices: HTML rendered and escaped by onego, in the matter's notices file beside its page. The
           resolver follows onego's Swift SituationResolver; the tests run it under node against the Swift composer on
           every answer set of the shipped matters. */
        (function (global) {
          "use strict";

          // ---- Situation resolver (pure) ----

          function pad(digits) {
            digits = digits.replace(/^0+/, "");
            while (digits.length < 18) { digits = "0" + digits; }
            return digits;
          }

          function micros(text) {
            var match = /^([0-9]{1,12})(?:\.([0-9]{1,6}))?$/.exec(text);
            if (!match) { return null; }
            var fraction = match[2] || "";
            return pad(match[1] + fraction + "000000".slice(fraction.length));
          }

          function parseDay(text) {
            var match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
            if (!match) { return null; }
            var year = +match[1], month = +match[2], day = +match[3];
            var date = new Date(Date.UTC(year, month - 1, day));
            if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
              return null;
            }
            return { y: year, m: month, d: day, t: Date.UTC(year, month - 1, day) };
          }

          function elapsed(from, to, unit) {
            if (from.t > to.t) { return null; }
            if (unit === "月" || unit === "岁" || unit === "年") {
              var months = (to.y * 12 + to.m) - (from.y * 12 + from.m) - (to.d < from.d ? 1 : 0);
              return unit === "月" ? months : Math.floor(months / 12);
            }
            return Math.round((to.t - from.t) / 86400000);
          }

          function yesNo(value) {
            var text = String(value).trim().toLowerCase();
            if (["是", "yes", "y", "true", "1", "有", "需要"].indexOf(text) >= 0) { return "是"; }
            if (["否", "no", "n", "false", "0", "无", "不需要"].indexOf(text) >= 0) { return "否"; }
            return null;
          }

          function measure(question, raw, asOf) {
            var text = String(raw).trim();
            var value;
            if (question.kind === "number") {
              var unit = question.unit || "";
              if (unit && text.length > unit.length && text.slice(-unit.length) === unit) { text = text.slice(0, -unit.length); }
              value = micros(text.trim());
              if (value === null) { return { error: "应为不小于 0 的十进制数（最多 6 位小数）" }; }
            } else {
              var day = parseDay(text);
              if (!day) { return { error: "应为日期 YYYY-MM-DD" }; }
              var count = elapsed(day, asOf, question.unit || "日");
              if (count === null) { return { error: "晚于今天" }; }
              value = pad(String(count) + "000000");
            }
            for (var index = 0; index < question.options.length; index++) {
              var option = question.options[index];
              if (option.lower <= value && (option.upper === undefined || option.upper === null || value < option.upper)) {
                return { option: index, text: text };
              }
            }
            return { error: "不在任何区间内" };
          }

          /* Resolves `given` (question id → array of values) against a situation sheet on `asOf` ("YYYY-MM-DD").
             Returns {key} for a complete answer set, {missing: [ids]} when shown required questions are open, or
             {error, question}. With `lenient`, answers to hidden questions are ignored instead of refused. `shown`
             lists, per question, whether it is asked. */
          function resolve(sheet, given, asOf, lenient) {
            var today = parseDay(asOf);
            var canonical = {}, seen = {}, included = {}, excluded = {}, marks = [], missing = [], shown = [];
            for (var index = 0; index < sheet.questions.length; index++) {
              var question = sheet.questions[index];
              var active = !seen[question.id];
              seen[question.id] = true;
              var raw = (given[question.id] || []).filter(function (value) { return String(value).trim() !== ""; });
              var isShown = !question.conditional || question.shown.some(function (condition) {
                return (canonical[condition[0]] || []).indexOf(condition[1]) >= 0;
              });
              shown.push(isShown);
              if (!isShown) {
                if (raw.length && !lenient) { return { error: "此题不应回答", question: question.id, shown: shown }; }
                continue;
              }
              if (!raw.length) {
                if (question.required) { missing.push(question.id); }
                continue;
              }
              var chosen = [];
              if (question.kind === "number" || question.kind === "date") {
                if (raw.length !== 1) { return { error: "只能填一个值", question: question.id, shown: shown }; }
                var measured = measure(question, raw[0], today);
                if (measured.error) { return { error: measured.error, question: question.id, shown: shown }; }
                chosen = [measured.option];
                canonical[question.id] = [measured.text];
              } else {
                var values = [];
                for (var n = 0; n < raw.length; n++) {
                  var value = question.kind === "yesNo" ? (yesNo(raw[n]) || raw[n]) : raw[n];
                  var option = -1;
                  for (var o = 0; o < question.options.length; o++) {
                    if (question.options[o].value === value) { option = o; break; }
                  }
                  if (option < 0 || chosen.indexOf(option) >= 0) {
                    return { error: "无此选项：" + raw[n], question: question.id, shown: shown };
                  }
                  chosen.push(option);
                  values.push(value);
                }
                if (question.kind !== "multiple" && chosen.length > 1) {
                  return { error: "只能选一项", question: question.id, shown: shown };
                }
                canonical[question.id] = values;
              }
              chosen.forEach(function (option) {
                var effects = question.options[option];
                effects.include.forEach(function (member) { included[member] = true; });
                effects.exclude.forEach(function (member) { excluded[member] = true; });
                if (active) { marks = marks.concat(effects.marks); }
              });
            }
            if (missing.length) { return { missing: missing, shown: shown, answers: canonical }; }
            var selected = [];
            sheet.members.forEach(function (member, offset) {
              if (member.counts && (member.always || included[offset]) && !excluded[offset]) { selected.push(offset); }
            });
            marks.sort();
            return { key: selected.join(",") + "|" + marks.join(","), shown: shown, answers: canonical };
          }

          // ---- Search (follows onego's Swift SearchIndex) ----

          var LABELS = ["名称", "俗称", "关键词", "编码", "成员事项", "结果", "材料", "简介", "部门", "拼音", "拼音首字母", "近义词", "相近"];
          var PINYIN = 9, INITIALS = 10, RELATED = 11, NEAR = 12, CODE = 3;

          function normalize(text) {
            var out = [];
            Array.from(String(text)).forEach(function (character) {
              var value = character.codePointAt(0);
              if (value >= 0xFF01 && value <= 0xFF5E) { value -= 0xFEE0; }
              if (value === 0x3000 || value === 0x20 || value === 0x09 || value === 0x0A || value === 0x0D) { return; }
              if (value >= 0x41 && value <= 0x5A) { value += 0x20; }
              out.push(String.fromCodePoint(value));
            });
            return out;
          }

          function makePinyin(text) {
            var readings = {};
            text.split("\n").forEach(function (line) {
              if (!line || line.charAt(0) === "#") { return; }
              var space = line.indexOf(" ");
              if (space < 0) { return; }
              var syllable = line.slice(0, space).replace(/^\+/, "");
              Array.from(line.slice(space + 1)).forEach(function (character) {
                (readings[character] = readings[character] || []).push(syllable);
              });
            });
            return readings;
          }

          function makeSearch(words, records) {
            var pinyin = makePinyin(words.pinyin);
            var fields = words.fields;
            var documents = records.map(function (record) {
              return {
                record: record,
                codes: [record.c.toUpperCase()].concat((record.o || []).map(function (code) { return code.toUpperCase(); })),
                texts: record.t.map(function (pair) {
                  var chars = normalize(pair[1]);
                  return { field: +pair[0], chars: chars, joined: chars.join(""), readings: chars.map(function (c) { return pinyin[c] || null; }) };
                })
              };
            });

            function bigrams(chars) {
              var seen = {}, out = [];
              for (var i = 1; i < chars.length; i++) {
                var pair = chars[i - 1] + chars[i];
                if (!seen[pair]) { seen[pair] = true; out.push(pair); }
              }
              return out;
            }

            function firstOffset(needle, haystack) {
              outer: for (var start = 0; start + needle.length <= haystack.length; start++) {
                for (var offset = 0; offset < needle.length; offset++) {
                  if (haystack[start + offset] !== needle[offset]) { continue outer; }
                }
                return start;
              }
              return -1;
            }

            function directScore(query, chars) {
              var offset = firstOffset(query, chars);
              if (offset < 0) { return null; }
              var base = offset === 0 ? (query.length === chars.length ? 1 : 0.8) : 0.6;
              return base + 0.2 * query.length / chars.length;
            }

            function pinyinMatch(letters, index, readings, position, usedFull) {
              if (index === letters.length) { return [position, usedFull]; }
              if (position >= readings.length || !readings[position]) { return null; }
              var letter = letters.charAt(index);
              var options = readings[position];
              if (!options.some(function (syllable) { return syllable.charAt(0) === letter; })) { return null; }
              var remaining = letters.length - index;
              for (var r = 0; r < options.length; r++) {
                var syllable = options[r];
                if (remaining >= syllable.length) {
                  if (letters.substr(index, syllable.length) === syllable) {
                    var found = pinyinMatch(letters, index + syllable.length, readings, position + 1, true);
                    if (found) { return found; }
                  }
                } else if (remaining >= 2 && syllable.indexOf(letters.slice(index)) === 0) {
                  return [position + 1, true];
                }
              }
              return pinyinMatch(letters, index + 1, readings, position + 1, usedFull);
            }

            function pinyinScore(letters, text) {
              if (letters.length < 2) { return null; }
              for (var start = 0; start < text.readings.length; start++) {
                if (!text.readings[start]) { continue; }
                var found = pinyinMatch(letters, 0, text.readings, start, false);
                if (!found) { continue; }
                if (!found[1] && start > 0 && letters.length < 3) { continue; }
                var coverage = (found[0] - start) / text.readings.length;
                var base = start === 0 ? (found[0] === text.readings.length ? 0.9 : 0.7) : 0.5;
                return [base + 0.2 * coverage, !found[1]];
              }
              return null;
            }

            function variants(query) {
              var found = [], frontier = [query];
              for (var round = 0; round < 2; round++) {
                var next = [];
                for (var t = 0; t < frontier.length; t++) {
                  var text = frontier[t];
                  for (var g = 0; g < words.related.length; g++) {
                    var group = words.related[g];
                    for (var w = 0; w < group.length; w++) {
                      var word = group[w];
                      if (text.indexOf(word) < 0) { continue; }
                      for (var o = 0; o < group.length; o++) {
                        var other = group[o];
                        if (other === word || (other.indexOf(word) >= 0 && text.indexOf(other) >= 0)) { continue; }
                        var variant = text.split(word).join(other);
                        if (variant !== query && found.indexOf(variant) < 0) {
                          found.push(variant);
                          next.push(variant);
                          if (found.length >= 24) { return found; }
                        }
                      }
                    }
                  }
                }
                frontier = next;
              }
              return found;
            }

            function matchWord(word) {
              var table = new Map();
              function add(doc, label, value) {
                var row = table.get(doc);
                if (!row) { row = new Array(LABELS.length).fill(0); table.set(doc, row); }
                if (value > row[label]) { row[label] = value; return true; }
                return false;
              }
              function credit(doc, text, value, extra, nameLabel, only) {
                var field = fields[text.field];
                if (only && !field[only]) { return; }
                var label = text.field === 0 && nameLabel !== undefined ? nameLabel : text.field;
                var weighted = field.weight * value;
                if (add(doc, label, weighted) && extra !== undefined && label !== extra) { add(doc, extra, weighted * 0.99); }
              }
              function verbatim(query, factor, extra) {
                var pairs = bigrams(query);
                documents.forEach(function (doc, d) {
                  doc.texts.forEach(function (text) {
                    if (!pairs.length) {
                      var single = directScore(query, text.chars);
                      if (single !== null) { credit(d, text, single * factor, extra); }
                      return;
                    }
                    var count = 0;
                    for (var p = 0; p < pairs.length; p++) { if (text.joined.indexOf(pairs[p]) >= 0) { count++; } }
                    if (!count) { return; }
                    if (count === pairs.length) {
                      var score = directScore(query, text.chars);
                      if (score !== null) { credit(d, text, score * factor, extra); return; }
                    }
                    var coverage = count / pairs.length;
                    if (coverage < 0.5) { return; }
                    var dice = 2 * count / (pairs.length + Math.max(1, text.chars.length - 1));
                    credit(d, text, (coverage + dice) / 2 * 0.45 * factor, extra === undefined ? NEAR : extra, undefined, "near");
                  });
                });
              }
              var query = normalize(word);
              if (!query.length) { return table; }
              verbatim(query, 1, undefined);
              var letters = query.join("");
              if (/^[a-z]+$/.test(letters)) {
                documents.forEach(function (doc, d) {
                  doc.texts.forEach(function (text) {
                    var found = pinyinScore(letters, text);
                    if (found) {
                      var label = found[1] ? INITIALS : PINYIN;
                      credit(d, text, found[0], label, label, "pinyin");
                    }
                  });
                });
              } else {
                variants(letters).forEach(function (variant) { verbatim(normalize(variant), 0.8, RELATED); });
              }
              var prefix = word.toUpperCase();
              if (prefix.length >= 2) {
                documents.forEach(function (doc, d) {
                  doc.codes.forEach(function (code) {
                    if (code.indexOf(prefix) !== 0) { return; }
                    var value = code.length === prefix.length ? 1 : 0.7 + 0.3 * prefix.length / code.length;
                    add(d, CODE, fields[CODE].weight * value);
                  });
                });
              }
              return table;
            }

            function rowScore(row) {
              var best = 0, total = 0;
              row.forEach(function (value) { best = Math.max(best, value); total += value; });
              return best + Math.min(10, (total - best) * 0.1);
            }

            return function search(query, limit) {
              var parts = String(query).split(/\s+/).filter(function (part) { return part; });
              if (!parts.length) { return []; }
              var scores = null, tables = [];
              parts.forEach(function (part) {
                var table = matchWord(part);
                tables.push(table);
                var next = new Map();
                if (scores === null) {
                  table.forEach(function (row, doc) { next.set(doc, rowScore(row)); });
                } else {
                  scores.forEach(function (score, doc) {
                    var row = table.get(doc);
                    if (row) { next.set(doc, score + rowScore(row)); }
                  });
                }
                scores = next;
              });
              var hits = [];
              scores.forEach(function (score, doc) {
                var labels = [];
                var row = tables[0].get(doc);
                if (row) {
                  labels = LABELS.map(function (label, index) { return [label, row[index]]; })
                    .filter(function (pair) { return pair[1] > 0; })
                    .sort(function (a, b) { return b[1] - a[1]; })
                    .map(function (pair) { return pair[0]; });
                }
                hits.push({ record: documents[doc].record, score: Math.round(score * 100) / 100, matched: labels });
              });
              hits.sort(function (a, b) {
                if (a.score !== b.score) { return b.score - a.score; }
                return a.record.c < b.record.c ? -1 : (a.record.c > b.record.c ? 1 : 0);
              });
              return hits.slice(0, limit || 50);
            };
          }

          // A matter's notices file holds each distinct line of its notices once; a notice is its lines joined.
          function noticeHTML(data, key) {
            for (var index = 0; index < data.variants.length; index++) {
              var variant = data.variants[index];
              if (variant.keys.indexOf(key) >= 0) {
                return variant.lines.map(function (line) { return data.lines[line]; }).join("\n");
              }
            }
            return null;
          }

          var exported = { resolve: resolve, makeSearch: makeSearch, noticeHTML: noticeHTML };
          if (typeof module === "object" && module.exports) { module.exports = exported; }
          if (typeof document === "undefined") { return; }

          // ---- Browser: shards, search box, situation questions ----

          var root = document.body.getAttribute("data-root") || "";
          var site = global.onegoSite = global.onegoSite || {};
          var pending = null;

          function element(name, className, text) {
            var node = document.createElement(name);
            if (className) { node.className = className; }
            if (text !== undefined) { node.textContent = text; }
            return node;
          }

          function loadSearch(done) {
            if (site.search) { done(site.search); return; }
            if (pending) { pending.push(done); return; }
            pending = [done];
            var meta = document.getElementById("search-shards");
            var count = meta ? +meta.getAttribute("data-count") : 0;
            var records = [], words = null, loaded = 0;
            site.words = function (data) { words = data; finish(); };
            site.shard = function (data) { records = records.concat(data); finish(); };
            function finish() {
              loaded++;
              if (loaded < count + 1) { return; }
              site.search = makeSearch(words, records);
              pending.forEach(function (callback) { callback(site.search); });
            }
            function add(path) {
              var script = document.createElement("script");
              script.src = root + path;
              document.head.appendChild(script);
            }
            add("search/words.js");
            for (var index = 0; index < count; index++) { add("search/shard-" + index + ".js"); }
          }

          function setUpSearch() {
            var input = document.getElementById("q");
            if (!input) { return; }
            var list = document.getElementById("results");
            var status = document.getElementById("count");
            function render(query) {
              while (list.firstChild) { list.removeChild(list.firstChild); }
              if (!query.trim()) { status.textContent = ""; return; }
              status.textContent = "正在载入搜索数据…";
              loadSearch(function (search) {
                if (input.value !== query) { return; }
                var hits = search(query, 50);
                status.textContent = hits.length ? "找到 " + hits.length + (hits.length === 50 ? "+ " : " ") + "项" : "没有找到与“" + query + "”相关的事项";
                hits.forEach(function (hit) {
                  var item = element("li", "hit hit-" + hit.record.k);
                  var link = element("a", "", hit.record.n);
                  link.href = root + hit.record.u;
                  item.appendChild(link);
                  item.appendChild(document.createTextNode(" "));
                  var meta = (hit.record.k === "matter" ? "一件事 · " : "") + hit.record.d + (hit.matched.length ? " · 匹配：" + hit.matched.slice(0, 2).join("、") : "");
                  item.appendChild(element("span", "meta", meta));
                  list.appendChild(item);
                });
              });
            }
            input.addEventListener("input", function () {
              render(input.value);
              try { history.replaceState(null, "", "#q=" + encodeURIComponent(input.value)); } catch (error) {}
            });
            var match = /(?:^#|&)q=([^&]*)/.exec(location.hash) || /(?:^\?|&)q=([^&#]*)/.exec(location.search);
            if (match) {
              try { input.value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (error) {}
              render(input.value);
            }
          }

          function setUpQuestions() {
            var data = document.getElementById("situation-sheet");
            var form = document.getElementById("ask");
            if (!data || !form) { return; }
            var sheet = JSON.parse(data.textContent);
            var notice = document.getElementById("notice");
            var status = document.getElementById("ask-status");
            var off = document.getElementById("ask-off");
            if (off) { off.hidden = true; }
            form.hidden = false;
            var sets = [];
            sheet.questions.forEach(function (question, index) {
              var set = element("fieldset");
              set.appendChild(element("legend", "", question.text + (question.required ? "" : "（选答）")));
              if (question.hint) { set.appendChild(element("p", "hint", question.hint)); }
              var name = "q" + index;
              if (question.kind === "number" || question.kind === "date") {
                var label = element("label");
                var input = element("input");
                input.name = name;
                input.type = question.kind === "date" ? "date" : "text";
                if (question.kind === "number") { input.setAttribute("inputmode", "decimal"); }
                label.appendChild(input);
                if (question.kind === "number" && question.unit) { label.appendChild(document.createTextNode(" " + question.unit)); }
                set.appendChild(label);
              } else {
                var options = question.options.slice();
                if (question.kind !== "multiple" && !question.required) { options.push({ value: "", label: "不回答" }); }
                options.forEach(function (option) {
                  var label = element("label");
                  var input = element("input");
                  input.type = question.kind === "multiple" ? "checkbox" : "radio";
                  input.name = name;
                  input.value = option.value;
                  label.appendChild(input);
                  label.appendChild(document.createTextNode(" " + option.label));
                  set.appendChild(label);
                });
              }
              sets.push(set);
              form.insertBefore(set, status);
            });
            function today() {
              var now = new Date();
              function two(n) { return (n < 10 ? "0" : "") + n; }
              return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
            }
            function update() {
              var given = {};
              sheet.questions.forEach(function (question, index) {
                var values = [];
                Array.prototype.forEach.call(sets[index].querySelectorAll("input"), function (input) {
                  if ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value) { values.push(input.value); }
                });
                given[question.id] = (given[question.id] || []).concat(values);
              });
              var result = resolve(sheet, given, today(), true);
              result.shown.forEach(function (isShown, index) { sets[index].hidden = !isShown; });
              while (notice.firstChild) { notice.removeChild(notice.firstChild); }
              if (result.error) { status.textContent = "请检查：" + result.error; return; }
              if (result.missing) {
                var open = sheet.questions.filter(function (question) { return result.missing.indexOf(question.id) >= 0; });
                status.textContent = "还需回答 " + open.length + " 个问题，回答完毕即显示您的一次性告知单。";
                return;
              }
              if (!notices) { status.textContent = noticeStatus; return; }
              var html = noticeHTML(notices, result.key);
              if (html === null) { status.textContent = "这一情形组合没有预先生成告知单，请咨询办理窗口。"; return; }
              status.textContent = "以下是按您的情形生成的一次性告知单和收件清单，可直接打印。";
              var holder = document.createElement("template");
              holder.innerHTML = html;
              notice.appendChild(holder.content);
              var answered = element("table", "fields answers");
              var body = element("tbody");
              sheet.questions.forEach(function (question, index) {
                if (!result.shown[index] || !result.answers[question.id]) { return; }
                var labels = result.answers[question.id].map(function (value) {
                  var option = question.options.filter(function (o) { return o.value === value; })[0];
                  return question.kind === "number" ? value + (question.unit || "") : (option && question.kind !== "date" ? option.label : value);
                });
                var row = element("tr");
                row.appendChild(element("th", "", question.text));
                row.appendChild(element("td", "", labels.join("、")));
                body.appendChild(row);
              });
              answered.appendChild(body);
              var first = notice.querySelector(".doc-head");
              if (first && body.firstChild) {
                var heading = element("p", "note", "您的情形：");
                first.parentNode.insertBefore(answered, first.nextSibling);
                first.parentNode.insertBefore(heading, answered);
              }
            }
            var notices = null, noticeStatus = "正在载入告知单…";
            var source = document.getElementById("notices");
            if (source) {
              site.notices = function (data) { notices = data; update(); };
              var script = document.createElement("script");
              script.src = root + source.getAttribute("data-src");
              script.onerror = function () { noticeStatus = "告知单数据未能载入，请确认网站文件完整或咨询办理窗口。"; update(); };
              document.head.appendChild(script);
            }
            form.addEventListener("change", update);
            form.addEventListener("input", update);
            var print = document.getElementById("ask-print");
            if (print) { print.addEventListener("click", function () { window.print(); }); }
            update();
          }

          setUpSearch();
          setUpQuestions();
        })(this);
        """#
}
