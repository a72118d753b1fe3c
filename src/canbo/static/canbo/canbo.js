// Small behaviours that htmx attributes do not cover: picking a value from an autocomplete list.
document.addEventListener("click", function (event) {
  const option = event.target.closest("[data-autocomplete-value]");
  if (!option) return;
  event.preventDefault();
  const box = option.closest(".autocomplete");
  const hidden = box.querySelector("input[type=hidden]");
  hidden.value = option.dataset.autocompleteValue;
  // A filter form listens for changes; a script-set value raises none by itself.
  hidden.dispatchEvent(new Event("change", { bubbles: true }));
  box.querySelector("input[type=search]").value = option.dataset.autocompleteLabel;
  box.querySelector(".options").innerHTML = "";
});
