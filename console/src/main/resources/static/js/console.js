// Charts are drawn from the data table that follows each canvas: the table is the accessible equivalent, and the
// page needs no inline script (the Content-Security-Policy allows scripts from the console only).
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas.graphique').forEach(function (canvas) {
        var table = document.getElementById(canvas.dataset.table);
        if (!table || typeof Chart === 'undefined') {
            return;
        }
        var labels = [];
        var values = [];
        table.querySelectorAll('tbody tr').forEach(function (row) {
            var label = row.querySelector('th');
            var value = row.querySelector('td');
            if (label && value) {
                labels.push(label.textContent.trim());
                values.push(Number(value.textContent.trim()));
            }
        });
        new Chart(canvas, {
            type: 'bar',
            data: {labels: labels, datasets: [{label: table.caption ? table.caption.textContent : '', data: values,
                backgroundColor: '#1d3f8f'}]},
            options: {animation: false, plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
        });
    });
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () {
            window.print();
        });
    });
});
