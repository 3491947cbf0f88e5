/*
 * Proof-of-work for the claim form (portal/complaints/antiabuse.py).
 *
 * The form carries a signed challenge in data-pow-challenge; it starts with the number of
 * leading zero bits wanted ("18.…"). This script looks for a number N such that
 * SHA-256("challenge:N") starts with that many zero bits, and writes N into the hidden input
 * pow_solution. If the reporter sends the form before N is found, the sending waits: the text of
 * data-pow-progress is written into [data-pow-status] (a polite live region) and the form is
 * sent as soon as N is found. Without crypto.subtle (plain HTTP) or without JavaScript the form
 * is sent with an empty solution, which the server accepts with a lower daily limit.
 */
(function () {
  "use strict";

  var BATCH = 512; // hashes computed between two yields to the event loop
  var MAX_BITS = 32;

  function zeroBits(buffer, bits) {
    var bytes = new Uint8Array(buffer);
    var full = bits >> 3;
    for (var i = 0; i < full; i += 1) {
      if (bytes[i] !== 0) {
        return false;
      }
    }
    var rest = bits & 7;
    return rest === 0 || bytes[full] >> (8 - rest) === 0;
  }

  function nextTask() {
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  }

  async function solve(challenge, bits) {
    var encoder = new TextEncoder();
    var limit = Math.pow(2, bits + 6); // give up (and send without it) far past the expected work
    for (var start = 0; start < limit; start += BATCH) {
      var attempts = [];
      for (var nonce = start; nonce < start + BATCH; nonce += 1) {
        attempts.push(
          crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + nonce))
        );
      }
      var digests = await Promise.all(attempts);
      for (var index = 0; index < digests.length; index += 1) {
        if (zeroBits(digests[index], bits)) {
          return String(start + index);
        }
      }
      await nextTask();
    }
    return "";
  }

  function holds(submitter) {
    // Going back or changing an earlier step does not need the proof-of-work.
    return !(submitter && (submitter.name === "goto" || submitter.value === "back"));
  }

  function send(form, submitter) {
    if (typeof form.requestSubmit === "function") {
      if (submitter) {
        form.requestSubmit(submitter);
      } else {
        form.requestSubmit();
      }
      return;
    }
    if (submitter && submitter.name) {
      var carried = document.createElement("input");
      carried.type = "hidden";
      carried.name = submitter.name;
      carried.value = submitter.value;
      form.appendChild(carried);
    }
    form.submit();
  }

  function start(form) {
    var challenge = form.getAttribute("data-pow-challenge") || "";
    var bits = parseInt(challenge, 10);
    var input = form.querySelector('input[name="pow_solution"]');
    if (!input || !(bits >= 0 && bits <= MAX_BITS)) {
      return;
    }
    var status = form.querySelector("[data-pow-status]");
    var done = false;
    var waiting = null; // set when the form was sent before the work was done

    form.addEventListener("submit", function (event) {
      if (done || !holds(event.submitter)) {
        return;
      }
      event.preventDefault();
      waiting = { submitter: event.submitter || null };
      if (status && !status.textContent) {
        status.textContent = form.getAttribute("data-pow-progress") || "";
      }
    });

    solve(challenge, bits)
      .catch(function () {
        return "";
      })
      .then(function (solution) {
        input.value = solution;
        done = true;
        if (waiting) {
          send(form, waiting.submitter);
        }
      });
  }

  function init() {
    if (!window.crypto || !window.crypto.subtle || typeof TextEncoder === "undefined") {
      return;
    }
    var forms = document.querySelectorAll("form[data-pow-challenge]");
    for (var i = 0; i < forms.length; i += 1) {
      start(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
