package fr.mutualis.localstack.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The issuer's sign-in page for people, in French: Spring Security's generated page is in English and not
 * accessible enough (no language, no error linked to its fields). Spring Security's form login handles the POST.
 */
@Controller
class SignInPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String signIn(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean loggedOut = request.getParameter("logout") != null;
        String message = failed
                ? "<p id=\"erreur\" class=\"erreur\" role=\"alert\">Identifiant ou mot de passe incorrect.</p>"
                : loggedOut ? "<p role=\"status\">Vous êtes déconnecté.</p>" : "";
        String describedBy = failed ? " aria-describedby=\"erreur\" aria-invalid=\"true\"" : "";
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Connexion – Mutualis</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1b1b1f;margin:0}
                main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border:1px solid #c9ccd3;border-radius:.5rem}
                h1{font-size:1.5rem;margin-top:0}
                label{display:block;font-weight:600;margin-top:1rem}
                input{display:block;width:100%%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #5a5f6b;border-radius:.25rem;font-size:1rem}
                input:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
                button{margin-top:1.5rem;padding:.6rem 1.2rem;background:#1d3f8f;color:#fff;border:0;border-radius:.25rem;font-size:1rem;cursor:pointer}
                .erreur{color:#a4161a;font-weight:600}
                .aide{color:#4a4f5b;font-size:.9rem}
                </style>
                </head>
                <body>
                <main>
                <h1>Connexion à Mutualis</h1>
                %s
                <form method="post" action="/login">
                <label for="username">Identifiant</label>
                <input id="username" name="username" type="text" autocomplete="username" required autofocus%s>
                <label for="password">Mot de passe</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Se connecter</button>
                </form>
                <p class="aide">Démonstration : identifiants des clients de démonstration (par exemple
                <code>valmont-agent</code>), mot de passe <code>demo</code>.</p>
                </main>
                </body>
                </html>
                """.formatted(message, describedBy, describedBy,
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
