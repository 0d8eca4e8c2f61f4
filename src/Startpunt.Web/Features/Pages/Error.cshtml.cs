using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Startpunt.Web.Features.Pages;

/// <summary>What a visitor sees when a page does not exist or something failed: plain words, never a stack trace.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? code) => Status = code ?? 500;

    public void OnPost(int? code) => Status = code ?? 500;
}
