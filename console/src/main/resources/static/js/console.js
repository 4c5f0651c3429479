// Charts are drawn from the data table each canvas names: the table is the accessible equivalent (RGAA), and the
// page needs no inline script (the Content-Security-Policy allows scripts from the console only).
//
// <canvas class="graphique" data-table="ID" data-type="bar|line|doughnut" data-stacked="true" data-unit="euro">
// The table's first column labels the categories (x axis), each further column is one series named by its header.
// A cell's number is its data-value attribute when present (raw figures, euros as decimals), else its text; an
// empty cell is a gap. Tests read what was drawn with Chart.getChart(canvas).data.
(function () {
    // Colours with a contrast of at least 3:1 against white (RGAA 3.2 for graphical objects), distinct in greyscale.
    var PALETTE = ['#1d3f8f', '#b34700', '#1b5e20', '#6a1b9a', '#8a6d00', '#00695c', '#a4161a', '#455a64'];

    function number(cell) {
        var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
        var text = String(raw).replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
        return text === '' || isNaN(Number(text)) ? null : Number(text);
    }

    function formatter(unit) {
        if (unit === 'euro') {
            return new Intl.NumberFormat('fr-FR', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});
        }
        if (unit === 'percent') {
            return {format: function (v) { return new Intl.NumberFormat('fr-FR').format(v) + ' %'; }};
        }
        return new Intl.NumberFormat('fr-FR');
    }

    function draw(canvas) {
        var table = document.getElementById(canvas.dataset.table);
        if (!table || typeof Chart === 'undefined') {
            return;
        }
        var type = canvas.dataset.type || 'bar';
        var format = formatter(canvas.dataset.unit);
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.trim();
        });
        var labels = [];
        var series = [];
        table.querySelectorAll('tbody tr').forEach(function (row) {
            var label = row.querySelector('th');
            var cells = row.querySelectorAll('td');
            if (!label || cells.length === 0) {
                return;
            }
            labels.push(label.textContent.trim());
            cells.forEach(function (cell, i) {
                (series[i] = series[i] || []).push(number(cell));
            });
        });
        var datasets = series.map(function (values, i) {
            var colour = PALETTE[i % PALETTE.length];
            return {
                label: headers[i + 1] || (table.caption ? table.caption.textContent.trim() : ''),
                data: values,
                backgroundColor: type === 'doughnut' ? values.map(function (v, j) { return PALETTE[j % PALETTE.length]; }) : colour,
                borderColor: type === 'doughnut' ? '#ffffff' : colour,
                borderDash: type === 'line' && i > 0 ? [6, 4] : undefined,
                spanGaps: true,
                fill: false
            };
        });
        var options = {
            animation: false,
            plugins: {
                legend: {display: datasets.length > 1 || type === 'doughnut'},
                tooltip: {callbacks: {label: function (context) {
                    var value = type === 'doughnut' ? context.parsed : context.parsed.y;
                    return context.dataset.label + ' : ' + format.format(value);
                }}}
            }
        };
        if (type !== 'doughnut') {
            var stacked = canvas.dataset.stacked === 'true';
            options.scales = {
                x: {stacked: stacked},
                y: {stacked: stacked, beginAtZero: true, ticks: {
                    precision: canvas.dataset.unit ? undefined : 0,
                    callback: function (value) { return format.format(value); }}}
            };
        }
        new Chart(canvas, {type: type, data: {labels: labels, datasets: datasets}, options: options});
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('canvas.graphique').forEach(draw);
        document.querySelectorAll('[data-print]').forEach(function (button) {
            button.addEventListener('click', function () {
                window.print();
            });
        });
    });
    // Content that htmx swaps in may carry charts too.
    document.addEventListener('htmx:afterSwap', function (event) {
        event.detail.target.querySelectorAll('canvas.graphique').forEach(draw);
    });
})();

// Partial updates (htmx): a region answered alone carries its own notice or problem, so the page's earlier ones
// are removed; an answer that is a whole page (403, 404, 5xx) is shown as that page; a request that could not
// complete (the session ended and the sign-in is on the issuer's site) is made again as a full navigation.
(function () {
    document.addEventListener('htmx:afterSwap', function () {
        document.querySelectorAll('#contenu > .messages').forEach(function (messages) {
            messages.replaceChildren();
        });
    });
    document.addEventListener('htmx:responseError', function (event) {
        var page = new DOMParser().parseFromString(event.detail.xhr.responseText, 'text/html');
        document.title = page.title;
        document.body.replaceWith(document.adoptNode(page.body));
    });
    document.addEventListener('htmx:sendError', function (event) {
        if (event.detail.requestConfig && event.detail.requestConfig.verb === 'get') {
            window.location.assign(event.detail.pathInfo.finalRequestPath || event.detail.pathInfo.requestPath);
        } else {
            window.location.reload();
        }
    });
})();
