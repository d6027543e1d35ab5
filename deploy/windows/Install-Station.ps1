<#
.SYNOPSIS
    Installs (or updates) the Station provisioning service on Windows.

.DESCRIPTION
    Copies the published host and CLI to -InstallDir, creates the data folder with the machine
    settings file (%ProgramData%\Station\appsettings.json, read by the service and by every
    station command), registers the service "Station" with New-Service, runs it as the virtual
    account NT SERVICE\Station, sets restart-on-failure with sc.exe, migrates the database when
    asked, starts the service and checks /healthz. See deploy/windows/README.md.

    Publish first, from the repository root:
        dotnet publish src/Station.Host -c Release -o publish\host
        dotnet publish src/Station.Cli  -c Release -o publish\cli

.EXAMPLE
    .\Install-Station.ps1 -PublishDir ..\..\publish -Settings ..\config\appsettings.single-station.json

.EXAMPLE
    .\Install-Station.ps1 -PublishDir ..\..\publish -Settings ..\config\appsettings.line.json `
        -ConnectionString 'Host=db.line-3.example;Database=station;Username=station;Password=...' -Migrate
#>
[CmdletBinding()]
param(
    # The folder holding host\ and cli\ from dotnet publish.
    [Parameter(Mandatory)] [string] $PublishDir,
    # An example settings file (deploy\config\*.json); used only when the machine has none yet.
    [string] $Settings = (Join-Path $PSScriptRoot '..\config\appsettings.single-station.json'),
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'Station'),
    [string] $DataDir = (Join-Path $env:ProgramData 'Station'),
    [string] $ServiceName = 'Station',
    [string] $Urls = 'http://+:5000',
    # A line's PostgreSQL with its password: stored in the machine settings file, readable only by
    # Administrators, SYSTEM and the service account.
    [string] $ConnectionString,
    # The admin API key accepted from the first start (stored hashed by the host).
    [string] $BootstrapAdminKey,
    # Run `station db migrate` before starting (a line's PostgreSQL; SQLite migrates itself at start).
    [switch] $Migrate,
    # Allow inbound TCP on the service's port through Windows Firewall.
    [switch] $OpenFirewall
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

$hostSource = Join-Path $PublishDir 'host'
$cliSource = Join-Path $PublishDir 'cli'
foreach ($required in @((Join-Path $hostSource 'Station.Host.dll'), (Join-Path $cliSource 'station.dll'))) {
    if (-not (Test-Path $required)) { throw "Not found: $required (publish the host and the CLI first, see the help)." }
}
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET 10 runtime (ASP.NET Core Runtime 10.0, Hosting Bundle or x64 installer) is not installed.'
}

$account = "NT SERVICE\$ServiceName"
$hostDir = Join-Path $InstallDir 'host'
$cliDir = Join-Path $InstallDir 'cli'
$machineSettings = Join-Path $DataDir 'appsettings.json'

# 1. Stop a running copy before replacing its files.
$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') {
    Write-Host "Stopping $ServiceName"
    Stop-Service -Name $ServiceName -Force
    $existing.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
}

# 2. Program files: replaced on every install.
Write-Host "Installing to $InstallDir"
foreach ($pair in @(@($hostSource, $hostDir), @($cliSource, $cliDir))) {
    if (Test-Path $pair[1]) { Remove-Item -Recurse -Force $pair[1] }
    New-Item -ItemType Directory -Force -Path $pair[1] | Out-Null
    Copy-Item -Recurse -Path (Join-Path $pair[0] '*') -Destination $pair[1]
}

# 3. Data folder and machine settings: created once, kept on updates.
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
if (-not (Test-Path $machineSettings)) {
    Write-Host "Writing $machineSettings from $Settings"
    $json = Get-Content -Raw -Path $Settings | ConvertFrom-Json
    $json.Station.DataDirectory = $DataDir
    if ($ConnectionString) {
        if (-not $json.PSObject.Properties['ConnectionStrings']) {
            $json | Add-Member -NotePropertyName ConnectionStrings -NotePropertyValue ([pscustomobject]@{})
        }
        $json.ConnectionStrings | Add-Member -Force -NotePropertyName Station -NotePropertyValue $ConnectionString
    }
    if ($BootstrapAdminKey) {
        if (-not $json.PSObject.Properties['Auth']) { $json | Add-Member -NotePropertyName Auth -NotePropertyValue ([pscustomobject]@{}) }
        $json.Auth | Add-Member -Force -NotePropertyName BootstrapAdminKey -NotePropertyValue $BootstrapAdminKey
    }
    $json | ConvertTo-Json -Depth 10 | Set-Content -Encoding utf8 -Path $machineSettings
} else {
    Write-Host "Keeping the existing $machineSettings"
}

# The host reads appsettings.Production.json from its own folder: link it to the machine file, so
# the service and the CLI read the same settings (docs/CONFIGURATION.md).
$link = Join-Path $hostDir 'appsettings.Production.json'
if (Test-Path $link) { Remove-Item -Force $link }
New-Item -ItemType SymbolicLink -Path $link -Target $machineSettings | Out-Null

# 4. The service: the host's own executable, automatic start, restart on failure.
$binary = '"' + (Join-Path $hostDir 'Station.Host.exe') + '"'
if (-not $existing) {
    Write-Host "Registering service $ServiceName"
    New-Service -Name $ServiceName -BinaryPathName $binary -DisplayName 'Station provisioning service' `
        -Description 'Provisions NXP i.MX RT boards and records every unit (Station).' -StartupType Automatic | Out-Null
} else {
    # The quoted path goes into ImagePath as is (sc.exe config binPath= would lose the quotes).
    Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName" -Name ImagePath -Value $binary
    Set-Service -Name $ServiceName -StartupType Automatic
}
& sc.exe config $ServiceName obj= $account | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe config obj= $account failed ($LASTEXITCODE)." }
& sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
& sc.exe failureflag $ServiceName 1 | Out-Null

# Environment of the service process only (REG_MULTI_SZ "Environment" under its key). No secrets
# here: the service key is readable by local users; secrets live in the machine settings file.
$environment = @(
    'DOTNET_ENVIRONMENT=Production',
    "ASPNETCORE_URLS=$Urls",
    "Station__DataDirectory=$DataDir"
)
Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName" -Name Environment -Type MultiString -Value $environment

# 5. Rights: the data folder (journal, logs, SQLite, settings with secrets) belongs to the service
# account and administrators only.
& icacls.exe $DataDir /inheritance:r /grant:r 'Administrators:(OI)(CI)F' 'SYSTEM:(OI)(CI)F' "${account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls on $DataDir failed ($LASTEXITCODE)." }

# 6. The CLI on the machine PATH (for technicians: station ledger verify, station export, ...).
$path = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if (($path -split ';') -notcontains $cliDir) {
    [Environment]::SetEnvironmentVariable('Path', "$path;$cliDir", 'Machine')
}

if ($OpenFirewall) {
    $port = ([uri]($Urls -replace '\+|\*', 'localhost')).Port
    if (-not (Get-NetFirewallRule -DisplayName 'Station' -ErrorAction SilentlyContinue)) {
        New-NetFirewallRule -DisplayName 'Station' -Direction Inbound -Protocol TCP -LocalPort $port -Action Allow | Out-Null
    }
}

# 7. Migrate (explicitly, STYLE 4.10), start, and check that it answers.
if ($Migrate) {
    Write-Host 'Migrating the database (station db migrate)'
    & (Join-Path $cliDir 'station.exe') db migrate
    if ($LASTEXITCODE -ne 0) { throw "station db migrate failed ($LASTEXITCODE); the service was not started." }
}

Write-Host "Starting $ServiceName"
Start-Service -Name $ServiceName
(Get-Service -Name $ServiceName).WaitForStatus('Running', [TimeSpan]::FromSeconds(120))
$health = ($Urls -replace '\+|\*', 'localhost').TrimEnd('/') + '/healthz'
for ($i = 0; $i -lt 30; $i++) {
    try {
        $response = Invoke-WebRequest -UseBasicParsing -Uri $health -TimeoutSec 5
        if ($response.StatusCode -eq 200) { Write-Host "Station is up: $health"; break }
    } catch {
        Start-Sleep -Seconds 2
    }
}
if ($i -eq 30) { Write-Warning "No answer from $health; see the logs in $DataDir\logs and the Windows event log." }
