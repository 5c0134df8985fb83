// wirecoder dashboard: show an event's details when its trigger is clicked or focused.
// Only reads data-* attributes written by the server and sets textContent (never HTML).
(function () {
  "use strict";

  function showEvent(eventId) {
    var row = document.getElementById("row-" + eventId);
    var body = document.getElementById("event-detail-body");
    var empty = document.getElementById("event-detail-empty");
    if (!row || !body) { return; }
    var fields = body.querySelectorAll("[data-field]");
    for (var i = 0; i < fields.length; i++) {
      var name = fields[i].getAttribute("data-field");
      fields[i].textContent = row.getAttribute("data-" + name) || "";
    }
    var links = body.querySelectorAll("[data-link]");
    for (var n = 0; n < links.length; n++) {
      var kind = links[n].getAttribute("data-link");
      var source = row.getAttribute("data-source-code") || "";
      var target = row.getAttribute("data-target-code") || "";
      var href = "";
      if (kind === "source-code" && source) { href = "/actors/" + encodeURIComponent(source); }
      if (kind === "target-code" && target) { href = "/actors/" + encodeURIComponent(target); }
      if (kind === "dyad" && source && target) {
        href = "/dyad?a=" + encodeURIComponent(source) + "&b=" + encodeURIComponent(target) + "&by=month";
      }
      if (href) { links[n].setAttribute("href", href); } else { links[n].removeAttribute("href"); }
    }
    body.hidden = false;
    if (empty) { empty.hidden = true; }
    showOthers(eventId);
    var rows = document.querySelectorAll("tr.selected");
    for (var j = 0; j < rows.length; j++) { rows[j].classList.remove("selected"); }
    row.classList.add("selected");
    var marks = document.querySelectorAll(".hl-event.active");
    for (var k = 0; k < marks.length; k++) { marks[k].classList.remove("active"); }
    var triggers = document.querySelectorAll(".hl-event");
    for (var m = 0; m < triggers.length; m++) {
      var ids = (triggers[m].getAttribute("data-events") || "").split(" ");
      if (ids.indexOf(eventId) >= 0) { triggers[m].classList.add("active"); }
    }
  }

  // every event of the trigger just shown, as links to their rows (two events may share a trigger)
  function showOthers(eventId) {
    var more = document.getElementById("event-detail-more");
    var list = document.getElementById("event-detail-others");
    if (!more || !list) { return; }
    var anchor = document.getElementById("ev-" + eventId);
    var holder = anchor && anchor.getAttribute("data-events") ? anchor : (anchor ? anchor.nextElementSibling : null);
    while (holder && !holder.getAttribute("data-events") && holder.classList.contains("anchor")) {
      holder = holder.nextElementSibling;
    }
    var ids = holder ? (holder.getAttribute("data-events") || "").split(" ") : [];
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var others = 0;
    for (var i = 0; i < ids.length; i++) {
      if (!ids[i] || ids[i] === eventId) { continue; }
      var link = document.createElement("a");
      link.setAttribute("href", "#ev-" + ids[i]);
      link.className = "evidence";
      link.setAttribute("data-event", ids[i]);
      link.textContent = ids[i];
      list.appendChild(link);
      list.appendChild(document.createTextNode(" "));
      others++;
    }
    more.hidden = others === 0;
  }

  function eventOf(target) {
    var el = target.closest ? target.closest("[data-events]") : null;
    return el ? (el.getAttribute("data-events") || "").split(" ")[0] : null;
  }

  document.addEventListener("click", function (ev) {
    var id = eventOf(ev.target);
    if (id) { showEvent(id); return; }
    var link = ev.target.closest ? ev.target.closest("a.evidence") : null;
    if (link) { showEvent(link.getAttribute("data-event")); }
  });
  document.addEventListener("mouseover", function (ev) {
    var id = eventOf(ev.target);
    if (id) { showEvent(id); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var id = eventOf(ev.target);
    if (id) { showEvent(id); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var hash = window.location.hash;
    if (hash.indexOf("#ev-") === 0) { showEvent(decodeURIComponent(hash.slice(4))); }
  });
}());
