// Small behaviours that htmx attributes do not cover: picking a value from an autocomplete list.
document.addEventListener("click", function (event) {
  const option = event.target.closest("[data-autocomplete-value]");
  if (!option) return;
  event.preventDefault();
  const box = option.closest(".autocomplete");
  box.querySelector("input[type=hidden]").value = option.dataset.autocompleteValue;
  box.querySelector("input[type=search]").value = option.dataset.autocompleteLabel;
  box.querySelector(".options").innerHTML = "";
});
